package dev.msakit.order.domain;

import dev.msakit.contracts.reservation.ReservationRequest;
import dev.msakit.contracts.reservation.ReservationResponse;
import dev.msakit.order.client.ProductClient;
import dev.msakit.platform.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Places orders in three steps so that no failure leaves them half-done: write the order PENDING, reserve its stock
 * through product-service (outside any database transaction), then CONFIRM it with the reserved prices. Any failure
 * of the reservation fails the order and marks its stock for release, which the reconciler retries until it lands.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderRepository orders;
    private final ProductClient products;
    private final TransactionTemplate transactions;

    public OrderService(OrderRepository orders, ProductClient products, PlatformTransactionManager txManager) {
        this.orders = orders;
        this.products = products;
        this.transactions = new TransactionTemplate(txManager);
    }

    public PurchaseOrder place(long memberId, List<OrderLine> lines) {
        long distinct = lines.stream().map(OrderLine::getProductId).distinct().count();
        if (distinct != lines.size()) {
            throw ApiException.badRequest("Each product may appear only once per order; combine the quantities");
        }
        PurchaseOrder pending = transactions.execute(status -> orders.save(PurchaseOrder.pending(memberId, lines)));
        ReservationResponse reservation;
        try {
            reservation = products.reserve(new ReservationRequest(pending.getId(), lines.stream()
                    .map(l -> new ReservationRequest.Item(l.getProductId(), l.getQuantity()))
                    .collect(Collectors.toList())));
        } catch (RuntimeException e) {
            transactions.executeWithoutResult(status -> load(pending.getId()).fail());
            log.info("Order {} failed: {}", pending.getId(), e.getMessage());
            throw e;
        }
        Map<Long, PriceSnapshot> prices = new HashMap<>();
        reservation.getLines().forEach(l -> prices.put(l.getProductId(),
                new PriceSnapshot(l.getProductName(), l.getUnitPrice())));
        return transactions.execute(status -> {
            PurchaseOrder order = load(pending.getId());
            order.confirm(prices);
            return order;
        });
    }

    public PurchaseOrder get(long memberId, String orderId) {
        // Another member's order answers exactly like a missing one: ids of others are not confirmed to exist.
        return orders.findByIdAndMemberId(orderId, memberId)
                .orElseThrow(() -> ApiException.notFound("No order with id " + orderId));
    }

    public Page<PurchaseOrder> list(long memberId, int page, int size) {
        return orders.findByMemberId(memberId, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")));
    }

    public PurchaseOrder cancel(long memberId, String orderId) {
        PurchaseOrder cancelled = transactions.execute(status -> {
            PurchaseOrder order = get(memberId, orderId);
            order.cancel();
            return order;
        });
        if (cancelled.isReleasePending()) {
            return releaseNow(cancelled.getId());
        }
        return cancelled;
    }

    /** Gives an order's stock back; on failure the order stays marked and the reconciler tries again. */
    public PurchaseOrder releaseNow(String orderId) {
        try {
            products.release(orderId);
        } catch (RuntimeException e) {
            log.warn("Release of order {} deferred: {}", orderId, e.getMessage());
            return load(orderId);
        }
        return transactions.execute(status -> {
            PurchaseOrder order = load(orderId);
            order.released();
            return order;
        });
    }

    private PurchaseOrder load(String orderId) {
        return orders.findById(orderId).orElseThrow(() -> new IllegalStateException("Order " + orderId + " vanished"));
    }
}

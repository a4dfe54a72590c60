package dev.msakit.order.domain;

import dev.msakit.contracts.OrderRequests;
import dev.msakit.contracts.catalog.CatalogEntry;
import dev.msakit.contracts.stock.ReleaseStock;
import dev.msakit.contracts.stock.ReserveStock;
import dev.msakit.contracts.stock.StockTopics;
import dev.msakit.order.client.ProductClient;
import dev.msakit.platform.messaging.Outbox;
import dev.msakit.platform.domain.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accepts orders: asks the catalog (a query over HTTP: the member hears at once about a product that does not
 * exist), then writes the order PENDING and its reserve-stock command in one transaction. The stock saga
 * ({@code dev.msakit.order.saga}) takes it from there. With an Idempotency-Key a retried request gets the order the
 * first one created, never a second.
 */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final ProductClient products;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    public OrderService(OrderRepository orders, ProductClient products, Outbox outbox,
                        PlatformTransactionManager txManager) {
        this.orders = orders;
        this.products = products;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(txManager);
    }

    public Placement place(long memberId, List<OrderLine> lines, String idempotencyKey) {
        if (lines.stream().map(OrderLine::getProductId).distinct().count() != lines.size()) {
            throw DomainException.invalid("Each product may appear only once per order; combine the quantities");
        }
        String fingerprint = idempotencyKey == null ? null : fingerprint(lines);
        if (idempotencyKey != null) {
            Optional<PurchaseOrder> earlier = orders.findByMemberIdAndIdempotencyKey(memberId, idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }
        requireOnSale(lines);
        try {
            return new Placement(transactions.execute(status -> {
                PurchaseOrder order = orders.saveAndFlush(PurchaseOrder.pending(memberId, lines, idempotencyKey,
                        fingerprint));
                outbox.send(StockTopics.COMMANDS, order.getId(), new ReserveStock(order.getId(), lines.stream()
                        .map(l -> new ReserveStock.Item(l.getProductId(), l.getQuantity()))
                        .collect(Collectors.toList())));
                return order;
            }), false);
        } catch (DataIntegrityViolationException concurrentRetry) {
            // The same key in flight twice: the unique index let one in; this one answers with its order.
            if (idempotencyKey == null) {
                throw concurrentRetry;
            }
            return replay(orders.findByMemberIdAndIdempotencyKey(memberId, idempotencyKey)
                    .orElseThrow(() -> concurrentRetry), fingerprint);
        }
    }

    public PurchaseOrder get(long memberId, String orderId) {
        // Another member's order answers exactly like a missing one: ids of others are not confirmed to exist.
        return orders.findByIdAndMemberId(orderId, memberId)
                .orElseThrow(() -> DomainException.notFound("No order with id " + orderId));
    }

    public Page<PurchaseOrder> list(long memberId, int page, int size) {
        return orders.findByMemberId(memberId, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")));
    }

    /**
     * Cancels and, in the same transaction, commands the release of whatever stock the order holds or will get. A
     * copy of a legacy order is cancelled by the legacy shop: it is asked to (PurchaseOrder.cancel), and the copy
     * changes when it answers.
     */
    public PurchaseOrder cancel(long memberId, String orderId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    PurchaseOrder order = get(memberId, orderId);
                    if (order.cancel()) {
                        outbox.send(StockTopics.COMMANDS, order.getId(), new ReleaseStock(order.getId()));
                    }
                    return order;
                });
            } catch (OptimisticLockingFailureException concurrentReply) {
                // product-service's reply landed at the same moment: cancel again from the state it left.
                if (attempt == 3) {
                    throw DomainException.conflict("The order is changing right now; try again");
                }
            }
        }
    }

    /**
     * The legacy shop asks to cancel an order held here (the member asked there), in the caller's transaction (the
     * message's); see PurchaseOrder.cancelAskedByCopyHolder. Returns whether the order is cancelled now; false when
     * it is not held here for that member, or was rejected.
     */
    public boolean cancelForLegacy(long memberId, String orderId) {
        Optional<PurchaseOrder> held = orders.findByIdAndMemberId(orderId, memberId).filter(PurchaseOrder::isHeldHere);
        if (held.isEmpty()) {
            return false;
        }
        PurchaseOrder order = held.get();
        if (order.cancelAskedByCopyHolder()) {
            outbox.send(StockTopics.COMMANDS, order.getId(), new ReleaseStock(order.getId()));
        }
        return order.getStatus() == OrderStatus.CANCELLED;
    }

    private void requireOnSale(List<OrderLine> lines) {
        List<Long> ids = lines.stream().map(OrderLine::getProductId).collect(Collectors.toList());
        Set<Long> onSale = products.lookup(ids).stream().map(CatalogEntry::getId).collect(Collectors.toSet());
        Optional<Long> missing = ids.stream().filter(id -> !onSale.contains(id)).findFirst();
        if (missing.isPresent()) {
            throw DomainException.unprocessable("Product " + missing.get() + " does not exist");
        }
    }

    private static Placement replay(PurchaseOrder earlier, String fingerprint) {
        if (!earlier.wasPlacedBy(fingerprint)) {
            throw DomainException.unprocessable(
                    "This Idempotency-Key was used for a different order; use a new key for a new order");
        }
        return new Placement(earlier, true);
    }

    /** The items and quantities, as both ordering sides fingerprint a request (OrderRequests). */
    static String fingerprint(List<OrderLine> lines) {
        return OrderRequests.fingerprint(lines.stream().collect(Collectors.toMap(OrderLine::getProductId,
                OrderLine::getQuantity)));
    }

    /** An order accepted now, or one an earlier request with the same Idempotency-Key created. */
    public static final class Placement {
        private final PurchaseOrder order;
        private final boolean replayed;

        Placement(PurchaseOrder order, boolean replayed) {
            this.order = order;
            this.replayed = replayed;
        }

        public PurchaseOrder getOrder() {
            return order;
        }

        public boolean isReplayed() {
            return replayed;
        }
    }
}

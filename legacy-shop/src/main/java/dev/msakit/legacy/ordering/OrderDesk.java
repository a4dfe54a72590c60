package dev.msakit.legacy.ordering;

import dev.msakit.contracts.migration.OrderSnapshot;
import dev.msakit.legacy.catalog.Product;
import dev.msakit.legacy.catalog.ProductStore;
import dev.msakit.legacy.ordering.OrderStore.HeldOrder;
import dev.msakit.legacy.sync.ChangeFeed;
import dev.msakit.platform.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ordering the monolith way: the order, its prices and the stock it takes are written in one local transaction, so
 * an order is CONFIRMED or REJECTED when the request returns (never PENDING).
 */
@Service
public class OrderDesk {

    private final OrderStore orders;
    private final ProductStore products;
    private final ChangeFeed feed;

    public OrderDesk(OrderStore orders, ProductStore products, ChangeFeed feed) {
        this.orders = orders;
        this.products = products;
        this.feed = feed;
    }

    @Transactional
    public OrderSnapshot place(long memberId, List<OrderForm.Item> items) {
        if (items.stream().map(OrderForm.Item::getProductId).distinct().count() != items.size()) {
            throw ApiException.badRequest("Each product may appear only once per order; combine the quantities");
        }
        // Rows locked in product order: two orders for the same products cannot deadlock.
        List<OrderForm.Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(OrderForm.Item::getProductId));
        List<OrderSnapshot.Line> lines = new ArrayList<>();
        String shortage = null;
        for (OrderForm.Item item : sorted) {
            Product product = products.lockOnSale(item.getProductId()).orElseThrow(() -> new ApiException(
                    HttpStatus.UNPROCESSABLE_ENTITY, "Product " + item.getProductId() + " does not exist"));
            if (product.getStock() < item.getQuantity() && shortage == null) {
                shortage = "Not enough stock of product " + product.getId() + " for quantity " + item.getQuantity();
            }
            lines.add(new OrderSnapshot.Line(product.getId(), product.getName(), product.getPrice(),
                    item.getQuantity()));
        }
        OrderSnapshot order = new OrderSnapshot(UUID.randomUUID().toString(), memberId, "CONFIRMED", null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS), 0, lines);
        if (shortage != null) {
            order.setStatus("REJECTED");
            order.setRejectionReason(shortage);
            order.getLines().forEach(line -> {
                line.setProductName(null);
                line.setUnitPrice(null);
            });
        } else {
            order.setTotal(lines.stream().map(l -> l.getUnitPrice().multiply(BigDecimal.valueOf(l.getQuantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            for (OrderSnapshot.Line line : lines) {
                products.addStock(line.getProductId(), -line.getQuantity());
                feed.stock(line.getProductId(), -line.getQuantity());
            }
        }
        orders.save(new HeldOrder(order, OrderStore.LEGACY));
        feed.order(order);
        return order;
    }

    @Transactional(readOnly = true)
    public OrderSnapshot get(long memberId, String orderId) {
        return orders.find(orderId, memberId).map(HeldOrder::order)
                .orElseThrow(() -> ApiException.notFound("No order with id " + orderId));
    }

    @Transactional(readOnly = true)
    public List<OrderSnapshot> list(long memberId, int page, int size) {
        List<OrderSnapshot> found = new ArrayList<>();
        orders.ofMember(memberId, page * size, size).forEach(held -> found.add(held.order()));
        return found;
    }

    @Transactional(readOnly = true)
    public long count(long memberId) {
        return orders.countOfMember(memberId);
    }

    /**
     * Cancels an order the shop holds and puts its stock back. An order order-service holds is cancelled there: the
     * request goes to it through the broker and the copy here changes when its answer comes back.
     */
    @Transactional
    public Cancellation cancel(long memberId, String orderId) {
        HeldOrder held = orders.lock(orderId).filter(o -> o.order().getMemberId() == memberId)
                .orElseThrow(() -> ApiException.notFound("No order with id " + orderId));
        OrderSnapshot order = held.order();
        if (!held.heldHere()) {
            feed.cancelAtNewSide(orderId, memberId);
            return new Cancellation(order, false);
        }
        cancelHeld(held);
        return new Cancellation(order, true);
    }

    /** order-service asks to cancel an order of ours (a member it serves now). */
    @Transactional
    public void cancelForNewSide(String orderId, long memberId) {
        orders.lock(orderId).filter(o -> o.heldHere() && o.order().getMemberId() == memberId)
                .ifPresent(this::cancelHeld);
    }

    /** A copy of order-service's order: kept if it is newer than ours. */
    @Transactional
    public void applyFromNewSide(OrderSnapshot snapshot) {
        Optional<HeldOrder> current = orders.lock(snapshot.getOrderId());
        if (current.isPresent() && (current.get().heldHere()
                || current.get().order().getVersion() >= snapshot.getVersion())) {
            return;
        }
        orders.save(new HeldOrder(snapshot, OrderStore.NEW));
    }

    private void cancelHeld(HeldOrder held) {
        OrderSnapshot order = held.order();
        switch (order.getStatus()) {
            case "CANCELLED":
                return;
            case "CONFIRMED":
                break;
            default:
                throw ApiException.conflict("A " + order.getStatus() + " order cannot be cancelled");
        }
        order.setStatus("CANCELLED");
        order.setVersion(order.getVersion() + 1);
        for (OrderSnapshot.Line line : order.getLines()) {
            products.addStock(line.getProductId(), line.getQuantity());
            feed.stock(line.getProductId(), line.getQuantity());
        }
        orders.save(held);
        feed.order(order);
    }

    /** The order after a cancel, and whether it changed here (false: order-service was asked to). */
    public static final class Cancellation {
        final OrderSnapshot order;
        final boolean done;

        Cancellation(OrderSnapshot order, boolean done) {
            this.order = order;
            this.done = done;
        }
    }
}

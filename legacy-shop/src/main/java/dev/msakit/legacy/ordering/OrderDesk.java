package dev.msakit.legacy.ordering;

import dev.msakit.contracts.OrderRequests;
import dev.msakit.contracts.migration.OrderSnapshot;
import dev.msakit.legacy.catalog.Product;
import dev.msakit.legacy.catalog.ProductStore;
import dev.msakit.legacy.ordering.OrderStore.HeldOrder;
import dev.msakit.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ordering the monolith way: the order, its prices and the stock it takes are written in one local transaction, so
 * an order is CONFIRMED or REJECTED when the request returns (never PENDING).
 */
@Service
public class OrderDesk {

    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);

    private final OrderStore orders;
    private final ProductStore products;
    private final ApplicationEventPublisher events;

    public OrderDesk(OrderStore orders, ProductStore products, ApplicationEventPublisher events) {
        this.orders = orders;
        this.products = products;
        this.events = events;
    }

    /**
     * Places the order, or with an Idempotency-Key already used by the member answers with that order (placed here,
     * or a copy of one order-service placed): the same items again get it, other items are refused (422).
     */
    @Transactional
    public Placement place(long memberId, List<OrderForm.Item> items, String idempotencyKey) {
        if (items.stream().map(OrderForm.Item::getProductId).distinct().count() != items.size()) {
            throw DomainException.invalid("Each product may appear only once per order; combine the quantities");
        }
        String fingerprint = null;
        if (idempotencyKey != null) {
            fingerprint = OrderRequests.fingerprint(items.stream().collect(Collectors.toMap(
                    OrderForm.Item::getProductId, OrderForm.Item::getQuantity)));
            orders.lockIdempotencyKey(memberId, idempotencyKey);
            Optional<HeldOrder> earlier = orders.byIdempotencyKey(memberId, idempotencyKey);
            if (earlier.isPresent()) {
                if (!fingerprint.equals(earlier.get().order().getRequestFingerprint())) {
                    throw DomainException.unprocessable("This Idempotency-Key was used for a"
                            + " different order; use a new key for a new order");
                }
                return new Placement(earlier.get().order(), true);
            }
        }
        OrderSnapshot order = newOrder(OrderRequests.orderId(memberId, idempotencyKey), memberId, items);
        order.setIdempotencyKey(idempotencyKey);
        order.setRequestFingerprint(fingerprint);
        orders.save(new HeldOrder(order, OrderStore.LEGACY));
        return new Placement(order, false);
    }

    private OrderSnapshot newOrder(String orderId, long memberId, List<OrderForm.Item> items) {
        // Rows locked in product order: two orders for the same products cannot deadlock.
        List<OrderForm.Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(OrderForm.Item::getProductId));
        List<OrderSnapshot.Line> lines = new ArrayList<>();
        String shortage = null;
        for (OrderForm.Item item : sorted) {
            Product product = products.lockOnSale(item.getProductId()).orElseThrow(() ->
                    DomainException.unprocessable("Product " + item.getProductId() + " does not exist"));
            if (product.getStock() < item.getQuantity() && shortage == null) {
                shortage = "Not enough stock of product " + product.getId() + " for quantity " + item.getQuantity();
            }
            lines.add(new OrderSnapshot.Line(product.getId(), product.getName(), product.getPrice(),
                    item.getQuantity()));
        }
        OrderSnapshot order = new OrderSnapshot(orderId, memberId, "CONFIRMED", null, null,
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
            }
        }
        return order;
    }

    @Transactional(readOnly = true)
    public OrderSnapshot get(long memberId, String orderId) {
        return orders.find(orderId, memberId).map(HeldOrder::order)
                .orElseThrow(() -> DomainException.notFound("No order with id " + orderId));
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
                .orElseThrow(() -> DomainException.notFound("No order with id " + orderId));
        OrderSnapshot order = held.order();
        requireCancellable(order);
        if (!held.heldHere()) {
            // A copy already cancelled is done; otherwise order-service decides, and its answer changes the copy.
            if ("CANCELLED".equals(order.getStatus())) {
                return new Cancellation(order, true);
            }
            events.publishEvent(new CancelAskedOfHolder(orderId, memberId));
            return new Cancellation(order, false);
        }
        cancelHeld(held);
        return new Cancellation(order, true);
    }

    /**
     * order-service asks to cancel an order of ours (a member it serves now). Never refused with an exception (the
     * message would become a poison one): an order that cannot be cancelled is stated again as it is, so the copy
     * there shows the shop's answer.
     */
    @Transactional
    public void cancelForNewSide(String orderId, long memberId) {
        orders.lock(orderId).filter(o -> o.heldHere() && o.order().getMemberId() == memberId).ifPresent(held -> {
            if (cancellable(held.order())) {
                cancelHeld(held);
            } else {
                events.publishEvent(new OrderChanged(held.order()));
            }
        });
    }

    /**
     * A copy of order-service's order: kept if it is newer than ours. An order of ours with the same id is the same
     * request (member and Idempotency-Key) placed on both sides within the sync delay (a retry across a flip): one
     * order it is, order-service's stands, and ours is given up with its stock back (order-service ignores ours).
     */
    @Transactional
    public void applyFromNewSide(OrderSnapshot snapshot) {
        String key = snapshot.getIdempotencyKey();
        if (key != null) {
            // The key before the row, as place does: a placement of the same request here still in progress holds
            // the key and its row is not visible yet; read the row only once that placement has committed.
            orders.lockIdempotencyKey(snapshot.getMemberId(), key);
        }
        Optional<HeldOrder> current = orders.lock(snapshot.getOrderId());
        if (current.isPresent() && current.get().heldHere()) {
            giveWay(current.get());
        } else if (current.isPresent() && current.get().order().getVersion() >= snapshot.getVersion()) {
            return;
        }
        if (current.isEmpty() && key != null && orders.byIdempotencyKey(snapshot.getMemberId(), key).isPresent()) {
            // Placed before order ids followed from the key: two orders for one key. Both stay; logged.
            log.warn("Idempotency-Key {} of member {} names two orders, {} (order-service) and one placed here",
                    key, snapshot.getMemberId(), snapshot.getOrderId());
            snapshot.setIdempotencyKey(null);
            snapshot.setRequestFingerprint(null);
        }
        orders.save(new HeldOrder(snapshot, OrderStore.NEW));
    }

    /** order-service's order whatever our copy's version (a repair); an order held here stays (both claim it). */
    @Transactional
    public void repairFromNewSide(OrderSnapshot snapshot) {
        Optional<HeldOrder> current = orders.lock(snapshot.getOrderId());
        if (current.isPresent() && current.get().heldHere()) {
            log.warn("Order {} is held here and by order-service: its repair is not taken", snapshot.getOrderId());
            return;
        }
        orders.save(new HeldOrder(snapshot, OrderStore.NEW));
    }

    /** Our order of a request order-service also took: its stock comes back here and, as deltas, there. */
    private void giveWay(HeldOrder ours) {
        OrderSnapshot order = ours.order();
        if ("CONFIRMED".equals(order.getStatus())) {
            for (OrderSnapshot.Line line : order.getLines()) {
                products.addStock(line.getProductId(), line.getQuantity());
            }
        }
        log.warn("Order {} of member {} was placed here and at order-service (one request, retried across a flip):"
                + " order-service's stands, the {} one here is given up", order.getOrderId(), order.getMemberId(),
                order.getStatus());
    }

    /** Confirmed or already cancelled (a second cancel changes nothing). */
    private static boolean cancellable(OrderSnapshot order) {
        return "CONFIRMED".equals(order.getStatus()) || "CANCELLED".equals(order.getStatus())
                || "PENDING".equals(order.getStatus());
    }

    private static void requireCancellable(OrderSnapshot order) {
        if (!cancellable(order)) {
            throw DomainException.conflict("A " + order.getStatus() + " order cannot be cancelled");
        }
    }

    /** An order held here: cancelled, its stock back. A PENDING one is never held here (orders settle at once). */
    private void cancelHeld(HeldOrder held) {
        OrderSnapshot order = held.order();
        requireCancellable(order);
        if ("CANCELLED".equals(order.getStatus())) {
            return;
        }
        order.setStatus("CANCELLED");
        order.setVersion(order.getVersion() + 1);
        for (OrderSnapshot.Line line : order.getLines()) {
            products.addStock(line.getProductId(), line.getQuantity());
        }
        orders.save(held);
    }

    /** An order placed now, or the one an earlier request with the same Idempotency-Key got. */
    public static final class Placement {
        final OrderSnapshot order;
        final boolean replayed;

        Placement(OrderSnapshot order, boolean replayed) {
            this.order = order;
            this.replayed = replayed;
        }
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

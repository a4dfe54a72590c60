package dev.msakit.legacy.ordering;

import dev.msakit.contracts.migration.OrderSnapshot;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * Orders and their lines. An order is read and written whole, as the {@link OrderSnapshot} both sides exchange;
 * {@code held_by} tells the shop's own orders from copies of order-service's. Saving one of the shop's own orders
 * publishes it ({@link OrderChanged}) in the caller's transaction; copies are never sent back.
 */
@Repository
public class OrderStore {

    static final String LEGACY = "legacy";
    static final String NEW = "new";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    public OrderStore(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<HeldOrder> find(String id, long memberId) {
        return orders("WHERE id = ? AND member_id = ?", id, memberId).stream().findFirst();
    }

    /** The member's order placed with this Idempotency-Key, here or (a copy) at order-service. */
    public Optional<HeldOrder> byIdempotencyKey(long memberId, String key) {
        return orders("WHERE member_id = ? AND idempotency_key = ?", memberId, key).stream().findFirst();
    }

    /**
     * Serializes requests with the same member and key until the end of the transaction (an advisory lock: the
     * order row does not exist yet), so two at once create one order.
     */
    public void lockIdempotencyKey(long memberId, String key) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, memberId + "/" + key);
    }

    public Optional<HeldOrder> lock(String id) {
        return orders("WHERE id = ? FOR UPDATE", id).stream().findFirst();
    }

    public List<HeldOrder> ofMember(long memberId, int offset, int limit) {
        return orders("WHERE member_id = ? ORDER BY created_at DESC, id OFFSET ? LIMIT ?", memberId, offset, limit);
    }

    public long countOfMember(long memberId) {
        return jdbc.queryForObject("SELECT count(*) FROM orders WHERE member_id = ?", Long.class, memberId);
    }

    /** The shop's own orders, share-locked for an initial copy (a cancel in progress is waited for). */
    public List<HeldOrder> lockHeldHereForCopy() {
        return orders("WHERE held_by = ? ORDER BY created_at FOR SHARE", LEGACY);
    }

    /** Writes the whole order: inserts it, or replaces its status, total and lines. */
    public void save(HeldOrder held) {
        OrderSnapshot o = held.order;
        int updated = jdbc.update("UPDATE orders SET status = ?, total = ?, rejection_reason = ?, version = ?,"
                + " held_by = ? WHERE id = ?", o.getStatus(), o.getTotal(), o.getRejectionReason(), o.getVersion(),
                held.heldBy, o.getOrderId());
        if (updated == 0) {
            jdbc.update("INSERT INTO orders (id, member_id, status, total, rejection_reason, created_at, version,"
                    + " held_by, idempotency_key, request_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    o.getOrderId(), o.getMemberId(), o.getStatus(), o.getTotal(), o.getRejectionReason(),
                    Timestamp.from(o.getCreatedAt()), o.getVersion(), held.heldBy, o.getIdempotencyKey(),
                    o.getRequestFingerprint());
        } else {
            // A new order has no lines yet: only a changed one has lines to replace.
            jdbc.update("DELETE FROM order_line WHERE order_id = ?", o.getOrderId());
        }
        int lineNo = 0;
        for (OrderSnapshot.Line line : o.getLines()) {
            jdbc.update("INSERT INTO order_line (order_id, line_no, product_id, product_name, unit_price, quantity)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", o.getOrderId(), lineNo++, line.getProductId(),
                    line.getProductName(), line.getUnitPrice(), line.getQuantity());
        }
        if (held.heldHere()) {
            events.publishEvent(new OrderChanged(o));
        }
    }

    private List<HeldOrder> orders(String where, Object... args) {
        List<HeldOrder> found = jdbc.query("SELECT id, member_id, status, total, rejection_reason, created_at, version,"
                + " held_by, idempotency_key, request_fingerprint FROM orders " + where, (rs, n) -> {
                    OrderSnapshot order = new OrderSnapshot(rs.getString("id"), rs.getLong("member_id"),
                            rs.getString("status"), rs.getBigDecimal("total"), rs.getString("rejection_reason"),
                            rs.getTimestamp("created_at").toInstant(), rs.getLong("version"), List.of());
                    order.setIdempotencyKey(rs.getString("idempotency_key"));
                    order.setRequestFingerprint(rs.getString("request_fingerprint"));
                    return new HeldOrder(order, rs.getString("held_by"));
                }, args);
        for (HeldOrder held : found) {
            held.order.setLines(jdbc.query("SELECT product_id, product_name, unit_price, quantity FROM order_line"
                    + " WHERE order_id = ? ORDER BY line_no", (rs, n) -> new OrderSnapshot.Line(rs.getLong(1),
                    rs.getString(2), rs.getBigDecimal(3), rs.getInt(4)), held.order.getOrderId()));
        }
        return found;
    }

    /** An order and which side holds it (may change it). */
    public static final class HeldOrder {
        final OrderSnapshot order;
        final String heldBy;

        HeldOrder(OrderSnapshot order, String heldBy) {
            this.order = order;
            this.heldBy = heldBy;
        }

        public OrderSnapshot order() {
            return order;
        }

        /** The shop's own order (it may change it), not a copy of order-service's. */
        public boolean heldHere() {
            return LEGACY.equals(heldBy);
        }
    }
}

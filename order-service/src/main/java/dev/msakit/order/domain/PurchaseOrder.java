package dev.msakit.order.domain;

import dev.msakit.contracts.OrderRequests;
import dev.msakit.contracts.migration.OrderSnapshot;
import dev.msakit.platform.domain.AggregateRoot;
import dev.msakit.platform.domain.DomainException;
import org.springframework.data.domain.Persistable;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OneToMany;
import javax.persistence.PostLoad;
import javax.persistence.PostPersist;
import javax.persistence.Table;
import javax.persistence.Transient;
import javax.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An order: held here (this service decides its state), or a read-only copy of one the legacy shop holds. Every
 * change of an order held here is recorded as {@link OrderChanged}, so the shop's copy follows without any caller
 * having to say so.
 */
@Entity
@Table(name = "orders")
public class PurchaseOrder extends AggregateRoot implements Persistable<String> {

    @Id
    private String id;

    @Column(name = "member_id", nullable = false)
    private long memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(precision = 14, scale = 2)
    private BigDecimal total;

    @Column(name = "rejection_reason", length = 500)
    private String rejectionReason;

    /** Only orders the synchronous version left owing a release (see V2__stock_saga.sql); never set now. */
    @Column(name = "release_pending", nullable = false)
    private boolean releasePending;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "request_fingerprint", length = 64)
    private String requestFingerprint;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
    // Not updatable: a line is inserted with its order's key and never moves, so Hibernate writes the key in the
    // INSERT and skips the "update ... set order_id" it otherwise issues for every new line of a one-sided list.
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private List<OrderLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /**
     * Created here, not read: saved by an INSERT, never a merge. Its id may be chosen (it follows from the member's
     * Idempotency-Key), and a merge would read a row another request just inserted under it and fail on its
     * version instead of on the key's unique index.
     */
    @Transient
    private boolean fresh;

    /** "new" for orders this service holds; "legacy" for read-only copies of the legacy shop's orders. */
    @Column(name = "held_by", nullable = false)
    private String heldBy = HELD_HERE;

    @Column(name = "copy_version")
    private Long copyVersion;

    private static final String HELD_HERE = "new";
    private static final String HELD_BY_LEGACY = "legacy";

    protected PurchaseOrder() {
    }

    /** A new order waiting for its stock; the key and fingerprint are null without an Idempotency-Key. */
    public static PurchaseOrder pending(long memberId, List<OrderLine> lines, String idempotencyKey,
                                        String requestFingerprint) {
        PurchaseOrder order = new PurchaseOrder();
        order.id = OrderRequests.orderId(memberId, idempotencyKey);
        order.fresh = true;
        order.memberId = memberId;
        order.idempotencyKey = idempotencyKey;
        order.requestFingerprint = requestFingerprint;
        order.status = OrderStatus.PENDING;
        order.lines.addAll(lines);
        order.createdAt = Instant.now();
        order.updatedAt = order.createdAt;
        order.record(new OrderChanged(order));
        return order;
    }

    /**
     * Stock reserved: fixes the prices the reservation returned, per product id, and the total. Only a PENDING order
     * takes it; false when the order has moved on (cancelled or timed out: its stock is released by then).
     */
    public boolean confirm(Map<Long, PriceSnapshot> snapshots) {
        if (status != OrderStatus.PENDING) {
            return false;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            PriceSnapshot snapshot = snapshots.get(line.getProductId());
            if (snapshot == null) {
                throw new IllegalStateException("Reservation has no line for product " + line.getProductId());
            }
            line.snapshot(snapshot.getProductName(), snapshot.getUnitPrice());
            sum = sum.add(line.lineTotal());
        }
        this.total = sum;
        transition(OrderStatus.CONFIRMED);
        return true;
    }

    /** Nothing reserved, for this reason; false when the order had already moved on. */
    public boolean reject(String reason) {
        if (status != OrderStatus.PENDING) {
            return false;
        }
        rejectionReason = reason.length() > 500 ? reason.substring(0, 497) + "..." : reason;
        transition(OrderStatus.REJECTED);
        return true;
    }

    /**
     * By the member, while PENDING or CONFIRMED; cancelling twice is a no-op. Returns whether the order's stock must
     * now be released (a PENDING order's reservation may still arrive: the release makes product-service refuse it).
     * A copy is cancelled by the legacy shop that holds it: it is asked ({@link CancelAskedOfHolder}), and nothing is
     * released here.
     */
    public boolean cancel() {
        if (status == OrderStatus.CANCELLED) {
            return false;
        }
        if (status == OrderStatus.REJECTED) {
            throw DomainException.conflict("This order was rejected; there is nothing to cancel");
        }
        if (!isHeldHere()) {
            record(new CancelAskedOfHolder(this));
            return false;
        }
        transition(OrderStatus.CANCELLED);
        return true;
    }

    /**
     * The member, served by the legacy shop now, asked there to cancel this order held here. Never refused (the
     * shop's message would become a poison one): a rejected or already cancelled order stays as it is, and either way
     * the shop hears the order as it now is. Returns whether its stock must be released.
     */
    public boolean cancelAskedByCopyHolder() {
        if (status != OrderStatus.REJECTED && cancel()) {
            return true;
        }
        record(new OrderChanged(this));
        return false;
    }

    public void releaseSent() {
        releasePending = false;
        updatedAt = Instant.now();
    }

    /** A read-only copy of an order the legacy shop holds. */
    public static PurchaseOrder copyOf(OrderSnapshot snapshot) {
        PurchaseOrder order = new PurchaseOrder();
        order.id = snapshot.getOrderId();
        order.memberId = snapshot.getMemberId();
        order.heldBy = HELD_BY_LEGACY;
        order.createdAt = snapshot.getCreatedAt();
        order.fresh = true;
        // A retry of the placing request with its key, sent here after a flip, gets this order.
        order.idempotencyKey = snapshot.getIdempotencyKey();
        order.requestFingerprint = snapshot.getRequestFingerprint();
        order.copy(snapshot);
        return order;
    }

    /** The legacy shop's newer state of a copy; false (nothing changed) for a snapshot older than the copy. */
    public boolean updateCopy(OrderSnapshot snapshot) {
        if (isHeldHere() || (copyVersion != null && copyVersion >= snapshot.getVersion())) {
            return false;
        }
        copy(snapshot);
        return true;
    }

    /** The legacy shop's state of a copy whatever the versions (a repair); false for an order held here. */
    public boolean repairCopy(OrderSnapshot snapshot) {
        if (isHeldHere()) {
            return false;
        }
        copy(snapshot);
        return true;
    }

    private void copy(OrderSnapshot snapshot) {
        status = OrderStatus.valueOf(snapshot.getStatus());
        total = snapshot.getTotal();
        rejectionReason = snapshot.getRejectionReason();
        copyVersion = snapshot.getVersion();
        lines.clear();
        for (OrderSnapshot.Line l : snapshot.getLines()) {
            OrderLine line = new OrderLine(l.getProductId(), l.getQuantity());
            line.snapshot(l.getProductName(), l.getUnitPrice());
            lines.add(line);
        }
        updatedAt = Instant.now();
    }

    /** This service's order, which it may change; false for a copy of the legacy shop's. */
    public boolean isHeldHere() {
        return HELD_HERE.equals(heldBy);
    }

    /** The order as the legacy shop keeps a copy of it; the version orders snapshots (flushed first). */
    public OrderSnapshot toSnapshot() {
        OrderSnapshot snapshot = new OrderSnapshot(id, memberId, status.name(), total, rejectionReason, createdAt,
                version, lines.stream().map(l -> new OrderSnapshot.Line(l.getProductId(), l.getProductName(),
                        l.getUnitPrice(), l.getQuantity())).collect(Collectors.toList()));
        snapshot.setIdempotencyKey(idempotencyKey);
        snapshot.setRequestFingerprint(requestFingerprint);
        return snapshot;
    }

    /** The copy's claim on its Idempotency-Key, dropped when this side already gave the key to another order. */
    public void forgetIdempotencyKey() {
        idempotencyKey = null;
        requestFingerprint = null;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    /** The same order as this request, by its fingerprint (the same items and quantities). */
    public boolean wasPlacedBy(String fingerprint) {
        return fingerprint.equals(requestFingerprint);
    }

    private void transition(OrderStatus next) {
        status = next;
        updatedAt = Instant.now();
        if (isHeldHere()) {
            record(new OrderChanged(this));
        }
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostPersist
    @PostLoad
    void stored() {
        fresh = false;
    }

    @Override
    public String getId() {
        return id;
    }

    public long getMemberId() {
        return memberId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

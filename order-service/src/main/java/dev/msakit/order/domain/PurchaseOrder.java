package dev.msakit.order.domain;

import dev.msakit.platform.problem.ApiException;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OneToMany;
import javax.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "orders")
public class PurchaseOrder {

    @Id
    private String id;

    @Column(name = "member_id", nullable = false)
    private long memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(precision = 14, scale = 2)
    private BigDecimal total;

    @Column(name = "release_pending", nullable = false)
    private boolean releasePending;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "order_id", nullable = false)
    private List<OrderLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PurchaseOrder() {
    }

    public static PurchaseOrder pending(long memberId, List<OrderLine> lines) {
        PurchaseOrder order = new PurchaseOrder();
        order.id = UUID.randomUUID().toString();
        order.memberId = memberId;
        order.status = OrderStatus.PENDING;
        order.lines.addAll(lines);
        order.createdAt = Instant.now();
        order.updatedAt = order.createdAt;
        return order;
    }

    /** Fixes the prices the reservation returned, per product id, and the total. */
    public void confirm(Map<Long, PriceSnapshot> snapshots) {
        requireStatus(OrderStatus.PENDING);
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
    }

    /** Failed orders give back whatever a reservation attempt might have taken, even one that timed out. */
    public void fail() {
        requireStatus(OrderStatus.PENDING);
        releasePending = true;
        transition(OrderStatus.FAILED);
    }

    public void cancel() {
        if (status == OrderStatus.CANCELLED) {
            return;
        }
        if (status != OrderStatus.CONFIRMED) {
            throw ApiException.conflict("Only confirmed orders can be cancelled; this one is " + status);
        }
        releasePending = true;
        transition(OrderStatus.CANCELLED);
    }

    public void released() {
        releasePending = false;
        updatedAt = Instant.now();
    }

    private void requireStatus(OrderStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("Order " + id + " is " + status + ", expected " + expected);
        }
    }

    private void transition(OrderStatus next) {
        status = next;
        updatedAt = Instant.now();
    }

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

    public boolean isReleasePending() {
        return releasePending;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

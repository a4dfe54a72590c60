package dev.msakit.contracts.migration;

import dev.msakit.contracts.OrderIds;

import javax.validation.Valid;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order as the side that holds it has it after a change. The other side keeps a read-only copy, so the member
 * sees the order whichever side serves them; {@link #getVersion()} orders the snapshots of one order. The client's
 * Idempotency-Key and the fingerprint of its request travel with it: a retry that reaches the other side (after a
 * flip or a ramp step) finds this order there and gets it, not a second one.
 */
public class OrderSnapshot {

    @NotNull
    @Pattern(regexp = OrderIds.PATTERN, message = "must be a UUID")
    private String orderId;
    @Min(1)
    private long memberId;
    @NotNull
    private String status;
    private BigDecimal total;
    private String rejectionReason;
    @NotNull
    private Instant createdAt;
    private long version;
    @NotNull
    private List<@Valid @NotNull Line> lines = new ArrayList<>();
    @Size(max = 255)
    private String idempotencyKey;
    @Size(max = 64)
    private String requestFingerprint;

    public OrderSnapshot() {
    }

    public OrderSnapshot(String orderId, long memberId, String status, BigDecimal total, String rejectionReason,
                         Instant createdAt, long version, List<Line> lines) {
        this.orderId = orderId;
        this.memberId = memberId;
        this.status = status;
        this.total = total;
        this.rejectionReason = rejectionReason;
        this.createdAt = createdAt;
        this.version = version;
        this.lines = new ArrayList<>(lines);
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public long getMemberId() {
        return memberId;
    }

    public void setMemberId(long memberId) {
        this.memberId = memberId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public void setRejectionReason(String rejectionReason) {
        this.rejectionReason = rejectionReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public List<Line> getLines() {
        return lines;
    }

    /** The placing request's Idempotency-Key; null without one. */
    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /** {@link dev.msakit.contracts.OrderRequests#fingerprint} of the placing request; null without a key. */
    public String getRequestFingerprint() {
        return requestFingerprint;
    }

    public void setRequestFingerprint(String requestFingerprint) {
        this.requestFingerprint = requestFingerprint;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    /** One ordered product; name and price are null while the order is PENDING (not yet priced). */
    public static class Line {
        private long productId;
        private String productName;
        private BigDecimal unitPrice;
        private int quantity;

        public Line() {
        }

        public Line(long productId, String productName, BigDecimal unitPrice, int quantity) {
            this.productId = productId;
            this.productName = productName;
            this.unitPrice = unitPrice;
            this.quantity = quantity;
        }

        public long getProductId() {
            return productId;
        }

        public void setProductId(long productId) {
            this.productId = productId;
        }

        public String getProductName() {
            return productName;
        }

        public void setProductName(String productName) {
            this.productName = productName;
        }

        public BigDecimal getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
        }

        public int getQuantity() {
            return quantity;
        }

        public void setQuantity(int quantity) {
            this.quantity = quantity;
        }
    }
}

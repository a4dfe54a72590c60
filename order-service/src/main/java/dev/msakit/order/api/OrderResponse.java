package dev.msakit.order.api;

import dev.msakit.order.domain.OrderLine;
import dev.msakit.order.domain.PurchaseOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

public class OrderResponse {

    private final String id;
    private final String status;
    private final List<Line> items;
    private final BigDecimal total;
    private final String rejectionReason;
    private final Instant createdAt;

    private OrderResponse(String id, String status, List<Line> items, BigDecimal total, String rejectionReason,
                          Instant createdAt) {
        this.id = id;
        this.status = status;
        this.items = items;
        this.total = total;
        this.rejectionReason = rejectionReason;
        this.createdAt = createdAt;
    }

    static OrderResponse of(PurchaseOrder order) {
        return new OrderResponse(order.getId(), order.getStatus().name(),
                order.getLines().stream().map(Line::of).collect(Collectors.toList()), order.getTotal(),
                order.getRejectionReason(), order.getCreatedAt());
    }

    public String getId() {
        return id;
    }

    public String getStatus() {
        return status;
    }

    public List<Line> getItems() {
        return items;
    }

    public BigDecimal getTotal() {
        return total;
    }

    /** Why nothing was reserved (REJECTED orders only). */
    public String getRejectionReason() {
        return rejectionReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public static final class Line {
        private final long productId;
        private final String productName;
        private final BigDecimal unitPrice;
        private final int quantity;
        private final BigDecimal lineTotal;

        private Line(long productId, String productName, BigDecimal unitPrice, int quantity, BigDecimal lineTotal) {
            this.productId = productId;
            this.productName = productName;
            this.unitPrice = unitPrice;
            this.quantity = quantity;
            this.lineTotal = lineTotal;
        }

        static Line of(OrderLine line) {
            return new Line(line.getProductId(), line.getProductName(), line.getUnitPrice(), line.getQuantity(),
                    line.lineTotal());
        }

        public long getProductId() {
            return productId;
        }

        public String getProductName() {
            return productName;
        }

        public BigDecimal getUnitPrice() {
            return unitPrice;
        }

        public int getQuantity() {
            return quantity;
        }

        public BigDecimal getLineTotal() {
            return lineTotal;
        }
    }
}

package dev.msakit.legacy.ordering;

import dev.msakit.contracts.migration.OrderSnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** An order in the public API, with order-service's fields. */
public final class OrderView {

    private final String id;
    private final String status;
    private final List<Line> items;
    private final BigDecimal total;
    private final String rejectionReason;
    private final Instant createdAt;

    private OrderView(OrderSnapshot o) {
        this.id = o.getOrderId();
        this.status = o.getStatus();
        this.items = o.getLines().stream().map(Line::new).collect(Collectors.toList());
        this.total = o.getTotal();
        this.rejectionReason = o.getRejectionReason();
        this.createdAt = o.getCreatedAt();
    }

    static OrderView of(OrderSnapshot order) {
        return new OrderView(order);
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

        private Line(OrderSnapshot.Line line) {
            this.productId = line.getProductId();
            this.productName = line.getProductName();
            this.unitPrice = line.getUnitPrice();
            this.quantity = line.getQuantity();
            this.lineTotal = unitPrice == null ? null : unitPrice.multiply(BigDecimal.valueOf(quantity));
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

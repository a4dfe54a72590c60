package dev.msakit.contracts.reservation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * product-service's answer to a reservation or a release: the order's reservation, its status
 * ({@code RESERVED} or {@code RELEASED}) and, per product, the name and unit price it was reserved at.
 */
public class ReservationResponse {

    public static final String RESERVED = "RESERVED";
    public static final String RELEASED = "RELEASED";

    private String orderId;
    private String status;
    private List<Line> lines = new ArrayList<>();

    public ReservationResponse() {
    }

    public ReservationResponse(String orderId, String status, List<Line> lines) {
        this.orderId = orderId;
        this.status = status;
        this.lines = new ArrayList<>(lines);
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    /** One reserved product at the price it had when reserved. */
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

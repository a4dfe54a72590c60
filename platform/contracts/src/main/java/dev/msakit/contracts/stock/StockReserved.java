package dev.msakit.contracts.stock;

import dev.msakit.contracts.OrderIds;

import javax.validation.Valid;
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reply to {@link ReserveStock}: every item is reserved for the order, each at the name and unit price the product
 * had when its stock was taken (the price the member pays).
 */
public class StockReserved {

    @NotNull
    @Pattern(regexp = OrderIds.PATTERN, message = "must be a UUID")
    private String orderId;
    @NotEmpty
    private List<@Valid @NotNull Line> lines = new ArrayList<>();

    public StockReserved() {
    }

    public StockReserved(String orderId, List<Line> lines) {
        this.orderId = orderId;
        this.lines = new ArrayList<>(lines);
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
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
        @NotNull
        private String productName;
        @NotNull
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

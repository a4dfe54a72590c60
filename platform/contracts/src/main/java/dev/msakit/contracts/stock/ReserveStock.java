package dev.msakit.contracts.stock;

import dev.msakit.contracts.OrderIds;

import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Command to product-service, on {@link StockTopics#COMMANDS}: reserve all of these for the order, or nothing.
 * Idempotent per order id. The answer is {@link StockReserved} or {@link StockRejected} on {@link StockTopics#REPLIES}.
 */
public class ReserveStock {

    @NotNull
    @Pattern(regexp = OrderIds.PATTERN, message = "must be a UUID")
    private String orderId;

    @NotEmpty
    @Size(max = 50)
    private List<@Valid @NotNull Item> items = new ArrayList<>();

    public ReserveStock() {
    }

    public ReserveStock(String orderId, List<Item> items) {
        this.orderId = orderId;
        this.items = new ArrayList<>(items);
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public List<Item> getItems() {
        return items;
    }

    public void setItems(List<Item> items) {
        this.items = items;
    }

    /** One product and how many of it. */
    public static class Item {
        @NotNull
        @Min(1)
        private Long productId;

        @NotNull
        @Min(1)
        @Max(1000)
        private Integer quantity;

        public Item() {
        }

        public Item(long productId, int quantity) {
            this.productId = productId;
            this.quantity = quantity;
        }

        public Long getProductId() {
            return productId;
        }

        public void setProductId(Long productId) {
            this.productId = productId;
        }

        public Integer getQuantity() {
            return quantity;
        }

        public void setQuantity(Integer quantity) {
            this.quantity = quantity;
        }
    }
}

package dev.msakit.contracts.stock;

import dev.msakit.contracts.OrderIds;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;

/**
 * Command to product-service: give back whatever is reserved for the order (cancelled, rejected or timed out), and
 * refuse any reservation for it that arrives later. Idempotent per order id; no reply.
 */
public class ReleaseStock {

    @NotNull
    @Pattern(regexp = OrderIds.PATTERN, message = "must be a UUID")
    private String orderId;

    public ReleaseStock() {
    }

    public ReleaseStock(String orderId) {
        this.orderId = orderId;
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }
}

package dev.msakit.contracts.stock;

import dev.msakit.contracts.OrderIds;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;

/**
 * Reply to {@link ReserveStock}: nothing was reserved for the order, and why (which product lacked stock or does not
 * exist, or that the command could not be handled at all).
 */
public class StockRejected {

    @NotNull
    @Pattern(regexp = OrderIds.PATTERN, message = "must be a UUID")
    private String orderId;

    @NotBlank
    private String reason;

    public StockRejected() {
    }

    public StockRejected(String orderId, String reason) {
        this.orderId = orderId;
        this.reason = reason;
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

package dev.msakit.contracts.migration;

import dev.msakit.contracts.OrderIds;

import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;

/**
 * A member asked one side to cancel an order the other side holds: the holder cancels it (if it still may) and
 * publishes the result as an {@link OrderSnapshot}. Writes are never applied on the copy.
 */
public class CancelOrder {

    @NotNull
    @Pattern(regexp = OrderIds.PATTERN, message = "must be a UUID")
    private String orderId;
    @Min(1)
    private long memberId;

    public CancelOrder() {
    }

    public CancelOrder(String orderId, long memberId) {
        this.orderId = orderId;
        this.memberId = memberId;
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
}

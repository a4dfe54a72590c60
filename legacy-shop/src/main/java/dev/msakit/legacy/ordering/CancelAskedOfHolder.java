package dev.msakit.legacy.ordering;

/**
 * The member asked the shop to cancel an order it keeps only a copy of: order-service holds it and decides, and the
 * copy changes when its answer comes back.
 */
public final class CancelAskedOfHolder {

    private final String orderId;
    private final long memberId;

    CancelAskedOfHolder(String orderId, long memberId) {
        this.orderId = orderId;
        this.memberId = memberId;
    }

    public String getOrderId() {
        return orderId;
    }

    public long getMemberId() {
        return memberId;
    }
}

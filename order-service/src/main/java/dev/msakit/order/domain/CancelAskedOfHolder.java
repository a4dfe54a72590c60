package dev.msakit.order.domain;

/**
 * The member asked here to cancel an order this service only keeps a copy of: the legacy shop holds it and decides,
 * and the copy changes when its answer comes back.
 */
public final class CancelAskedOfHolder {

    private final PurchaseOrder copy;

    CancelAskedOfHolder(PurchaseOrder copy) {
        this.copy = copy;
    }

    public String getOrderId() {
        return copy.getId();
    }

    public long getMemberId() {
        return copy.getMemberId();
    }
}

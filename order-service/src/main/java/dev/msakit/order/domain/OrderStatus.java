package dev.msakit.order.domain;

/** The states of an order's stock saga. */
public enum OrderStatus {
    /** Accepted; its stock reservation is on its way to product-service. */
    PENDING,
    /** Stock reserved, prices fixed. */
    CONFIRMED,
    /** Nothing reserved: not enough stock, a product gone, no answer in time, or the command could not be handled. */
    REJECTED,
    /** Cancelled by the member; whatever was reserved is given back. */
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}

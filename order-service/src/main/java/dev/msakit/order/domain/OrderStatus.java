package dev.msakit.order.domain;

public enum OrderStatus {
    /** Written, stock not yet reserved. */
    PENDING,
    /** Stock reserved, prices fixed. */
    CONFIRMED,
    /** Reservation refused or product-service unreachable; any stock taken is given back. */
    FAILED,
    /** Cancelled by the member; stock given back. */
    CANCELLED
}

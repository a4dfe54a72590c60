package dev.msakit.order.domain;

/**
 * An order held here changed, or was stated again as it is (the answer to the legacy shop's cancel request): the
 * shop keeps a copy of every order held here and follows it. Read when published, after the flush that wrote the
 * order, so the order carries the version this change got.
 */
public final class OrderChanged {

    private final PurchaseOrder order;

    OrderChanged(PurchaseOrder order) {
        this.order = order;
    }

    public PurchaseOrder getOrder() {
        return order;
    }
}

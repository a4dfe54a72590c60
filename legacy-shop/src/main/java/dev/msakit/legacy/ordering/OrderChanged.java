package dev.msakit.legacy.ordering;

import dev.msakit.contracts.migration.OrderSnapshot;

/**
 * An order the shop holds was placed or changed, or stated again as it is (its answer to a cancel order-service
 * asked for). Never one of the copies of order-service's orders.
 */
public final class OrderChanged {

    private final OrderSnapshot order;

    OrderChanged(OrderSnapshot order) {
        this.order = order;
    }

    public OrderSnapshot getOrder() {
        return order;
    }
}

package dev.msakit.order.migration;

import dev.msakit.contracts.migration.CancelOrder;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.OrderRepair;
import dev.msakit.order.domain.OrderRepository;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.platform.messaging.Outbox;
import org.springframework.stereotype.Component;

/**
 * order-service's order changes, written to the outbox in the transaction that makes them, so the legacy shop keeps
 * a copy of each order while ordering moves (a member sees them after a flip back). Copies of the shop's own orders
 * are never sent back.
 */
@Component
public class OrderFeed {

    private final Outbox outbox;
    private final OrderRepository orders;

    public OrderFeed(Outbox outbox, OrderRepository orders) {
        this.outbox = outbox;
        this.orders = orders;
    }

    public void changed(PurchaseOrder order) {
        if (order.isHeldHere()) {
            // The snapshot carries the version this change gets: written now, not at commit.
            orders.flush();
            outbox.send(MigrationTopics.ORDERS_FROM_NEW, order.getId(), order.toSnapshot());
        }
    }

    /** An order held here as it is, for the legacy shop's copy to take whatever its version (a repair). */
    public void repair(PurchaseOrder order) {
        outbox.send(MigrationTopics.ORDERS_FROM_NEW, order.getId(), OrderRepair.of(order.toSnapshot()));
    }

    /** The member asked here to cancel an order the legacy shop holds: the shop cancels it and sends the result. */
    public void cancelAtLegacy(PurchaseOrder copy) {
        outbox.send(MigrationTopics.ORDERS_FROM_NEW, copy.getId(), new CancelOrder(copy.getId(), copy.getMemberId()));
    }
}

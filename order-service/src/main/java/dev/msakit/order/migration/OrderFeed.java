package dev.msakit.order.migration;

import dev.msakit.contracts.migration.CancelOrder;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.OrderRepair;
import dev.msakit.order.domain.CancelAskedOfHolder;
import dev.msakit.order.domain.OrderChanged;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.platform.messaging.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the legacy shop hears of ordering here, while ordering moves: the orders' own events, written to the outbox
 * in the transaction that makes them (they are published at its flushes, before it commits). Copies of the shop's
 * orders record no changes, so they are never sent back.
 */
@Component
public class OrderFeed {

    private final Outbox outbox;

    public OrderFeed(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The shop's copy takes the order as it is; its version (set by the flush) orders the snapshots. */
    @EventListener
    public void changed(OrderChanged changed) {
        PurchaseOrder order = changed.getOrder();
        outbox.send(MigrationTopics.ORDERS_FROM_NEW, order.getId(), order.toSnapshot());
    }

    /** The shop holds the order: it cancels it and sends the result. */
    @EventListener
    public void cancelAsked(CancelAskedOfHolder asked) {
        outbox.send(MigrationTopics.ORDERS_FROM_NEW, asked.getOrderId(),
                new CancelOrder(asked.getOrderId(), asked.getMemberId()));
    }

    /** An order held here as it is, for the legacy shop's copy to take whatever its version (a repair). */
    public void repair(PurchaseOrder order) {
        outbox.send(MigrationTopics.ORDERS_FROM_NEW, order.getId(), OrderRepair.of(order.toSnapshot()));
    }
}

package dev.msakit.legacy.sync;

import dev.msakit.contracts.migration.CancelOrder;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.OrderSnapshot;
import dev.msakit.contracts.migration.ProductRepair;
import dev.msakit.contracts.migration.ProductSnapshot;
import dev.msakit.contracts.migration.StockAdjusted;
import dev.msakit.legacy.catalog.Product;
import dev.msakit.legacy.catalog.ProductChanged;
import dev.msakit.legacy.catalog.StockMoved;
import dev.msakit.legacy.ordering.CancelAskedOfHolder;
import dev.msakit.legacy.ordering.OrderChanged;
import dev.msakit.platform.messaging.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The shop's changes for the new side to apply: what its stores and desk publish, written to its outbox in the
 * transaction that makes them. Only changes the shop makes itself are published; what it applies from the new side
 * is never sent back.
 */
@Component
public class ChangeFeed {

    private final Outbox outbox;

    public ChangeFeed(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    public void productChanged(ProductChanged changed) {
        product(changed.getProduct());
    }

    @EventListener
    public void stockMoved(StockMoved moved) {
        outbox.send(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(moved.getProductId()),
                new StockAdjusted(moved.getProductId(), moved.getDelta()));
    }

    @EventListener
    public void orderChanged(OrderChanged changed) {
        order(changed.getOrder());
    }

    /** Asks order-service, which holds the order, to cancel it. */
    @EventListener
    public void cancelAsked(CancelAskedOfHolder asked) {
        outbox.send(MigrationTopics.ORDERS_FROM_LEGACY, asked.getOrderId(),
                new CancelOrder(asked.getOrderId(), asked.getMemberId()));
    }

    /** The product as it is (also the initial copy's). */
    public void product(Product p) {
        outbox.send(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(p.getId()), new ProductSnapshot(p.getId(),
                p.getName(), p.getDescription(), p.getPrice(), p.getStock(), p.isActive(), p.getUpdatedAt(),
                p.getEditVersion()));
    }

    /** The product as it is here, for the new side to take whatever its edit count (see ProductRepair). */
    public void repair(Product p, int stockCorrection) {
        outbox.send(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(p.getId()), new ProductRepair(p.getId(),
                p.getName(), p.getDescription(), p.getPrice(), p.getStock(), p.isActive(), p.getUpdatedAt(),
                p.getEditVersion(), stockCorrection));
    }

    /** The order as it is (also the initial copy's, and a repair's). */
    public void order(OrderSnapshot order) {
        outbox.send(MigrationTopics.ORDERS_FROM_LEGACY, order.getOrderId(), order);
    }
}

package dev.msakit.legacy.sync;

import dev.msakit.contracts.migration.CancelOrder;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.OrderSnapshot;
import dev.msakit.contracts.migration.ProductRepair;
import dev.msakit.contracts.migration.ProductSnapshot;
import dev.msakit.contracts.migration.StockAdjusted;
import dev.msakit.legacy.catalog.Product;
import dev.msakit.platform.messaging.Outbox;
import org.springframework.stereotype.Component;

/**
 * The shop's changes, written to its outbox in the transaction that makes them, for the new side to apply. Only
 * changes the shop makes itself go here; what it applies from the new side is never sent back.
 */
@Component
public class ChangeFeed {

    private final Outbox outbox;

    public ChangeFeed(Outbox outbox) {
        this.outbox = outbox;
    }

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

    public void stock(long productId, int delta) {
        if (delta != 0) {
            outbox.send(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(productId),
                    new StockAdjusted(productId, delta));
        }
    }

    public void order(OrderSnapshot order) {
        outbox.send(MigrationTopics.ORDERS_FROM_LEGACY, order.getOrderId(), order);
    }

    /** Asks order-service, which holds the order, to cancel it. */
    public void cancelAtNewSide(String orderId, long memberId) {
        outbox.send(MigrationTopics.ORDERS_FROM_LEGACY, orderId, new CancelOrder(orderId, memberId));
    }
}

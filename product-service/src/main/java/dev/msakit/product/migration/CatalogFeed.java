package dev.msakit.product.migration;

import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.ProductRepair;
import dev.msakit.contracts.migration.ProductSnapshot;
import dev.msakit.contracts.migration.StockAdjusted;
import dev.msakit.platform.messaging.Outbox;
import dev.msakit.product.domain.Product;
import dev.msakit.product.domain.ProductChanged;
import dev.msakit.product.domain.StockMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * product-service's catalog changes for the legacy shop to apply while the catalog moves: the products' and
 * reservations' own events, written to the outbox in the transaction that makes them (they are published at its
 * flushes, before it commits). What this service applies from the shop goes around the aggregates, in SQL, and is
 * never sent back.
 */
@Component
public class CatalogFeed {

    private final Outbox outbox;

    public CatalogFeed(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    public void changed(ProductChanged changed) {
        product(changed.getProduct());
    }

    @EventListener
    public void stockMoved(StockMoved moved) {
        if (moved.getDelta() != 0) {
            outbox.send(MigrationTopics.CATALOG_FROM_NEW, Long.toString(moved.getProductId()),
                    new StockAdjusted(moved.getProductId(), moved.getDelta()));
        }
    }

    /** The product as it is (also the initial copy's). */
    public void product(Product p) {
        outbox.send(MigrationTopics.CATALOG_FROM_NEW, Long.toString(p.getId()), new ProductSnapshot(p.getId(),
                p.getName(), p.getDescription(), p.getPrice(), p.getStock(), p.isActive(), p.getUpdatedAt(),
                p.getEditVersion()));
    }

    /** The product as it is here, for the legacy shop to take whatever its edit count (see ProductRepair). */
    public void repair(Product p, int stockCorrection) {
        outbox.send(MigrationTopics.CATALOG_FROM_NEW, Long.toString(p.getId()), new ProductRepair(p.getId(),
                p.getName(), p.getDescription(), p.getPrice(), p.getStock(), p.isActive(), p.getUpdatedAt(),
                p.getEditVersion(), stockCorrection));
    }
}

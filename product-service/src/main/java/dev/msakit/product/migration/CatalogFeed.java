package dev.msakit.product.migration;

import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.ProductRepair;
import dev.msakit.contracts.migration.ProductSnapshot;
import dev.msakit.contracts.migration.StockAdjusted;
import dev.msakit.platform.messaging.Outbox;
import dev.msakit.product.domain.Product;
import org.springframework.stereotype.Component;

/**
 * product-service's catalog changes, written to the outbox in the transaction that makes them, for the legacy shop
 * to apply while the catalog moves. What this service applies from the shop is never sent back.
 */
@Component
public class CatalogFeed {

    private final Outbox outbox;

    public CatalogFeed(Outbox outbox) {
        this.outbox = outbox;
    }

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

    public void stock(long productId, int delta) {
        if (delta != 0) {
            outbox.send(MigrationTopics.CATALOG_FROM_NEW, Long.toString(productId),
                    new StockAdjusted(productId, delta));
        }
    }
}

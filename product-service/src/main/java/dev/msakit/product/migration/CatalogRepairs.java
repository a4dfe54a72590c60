package dev.msakit.product.migration;

import dev.msakit.contracts.migration.ReconciledDatasets;
import dev.msakit.contracts.migration.SyncRepair;
import dev.msakit.product.domain.Product;
import dev.msakit.product.domain.ProductRepository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Repairs the legacy shop's copy of products reconciliation found drifting, while this side holds the catalog: each
 * product is locked and written to the outbox as it is here, after every change of it already there, with the stock
 * difference reconciliation saw (see ProductRepair).
 */
@Component
public class CatalogRepairs {

    private final ProductRepository products;
    private final CatalogFeed feed;

    public CatalogRepairs(ProductRepository products, CatalogFeed feed) {
        this.products = products;
        this.feed = feed;
    }

    /** In the caller's transaction (the reconciliation endpoint's). */
    public SyncRepair.Result publish(SyncRepair repair) {
        return repair.each(row -> {
            long id = ReconciledDatasets.productId(row);
            var product = id < 0 ? Optional.<Product>empty() : products.lockAny(id);
            if (product.isEmpty()) {
                return "not here (not a product id, or only the other side has it)";
            }
            feed.repair(product.get(), ReconciledDatasets.catalogStockCorrection(row));
            return null;
        });
    }
}

package dev.msakit.legacy.sync;

import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.ReconciledDatasets;
import dev.msakit.legacy.catalog.ProductStore;
import dev.msakit.contracts.migration.OrderRepair;
import dev.msakit.legacy.ordering.OrderStore;
import dev.msakit.platform.messaging.ReconciliationDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Optional;

/**
 * The shop's catalog and orders as release-control's reconciliation compares them with the new services', and the
 * repairs of their copies from here (the catalog while the shop holds it, the orders the shop took).
 */
@Configuration(proxyBeanMethods = false)
public class Reconciliation {

    @Bean
    public ReconciliationDataset catalogDataset(ProductStore products, ChangeFeed feed) {
        return new ReconciliationDataset(ReconciledDatasets.CATALOG, ReconciledDatasets.CATALOG_ROWS,
                List.of(MigrationTopics.CATALOG_FROM_LEGACY)).withRepairs(repair -> ReconciledDatasets.repairCatalog(
                        repair, products::lockAny, feed::repair));
    }

    /**
     * Our orders among the rows, each locked and published as it is for order-service's copy to take (a repair); the
     * others are order-service's to repair.
     */
    @Bean
    public ReconciliationDataset orderingDataset(OrderStore orders, ChangeFeed feed) {
        return new ReconciliationDataset(ReconciledDatasets.ORDERING, ReconciledDatasets.ORDERING_ROWS,
                List.of(MigrationTopics.ORDERS_FROM_LEGACY)).withRepairs(repair -> repair.each(row -> {
                    Optional<OrderStore.HeldOrder> held = orders.lock(row.getId());
                    if (held.isEmpty()) {
                        return "not here";
                    }
                    if (!held.get().heldHere()) {
                        return "a copy here: order-service holds it";
                    }
                    feed.order(OrderRepair.of(held.get().order()));
                    return null;
                }));
    }
}

package dev.msakit.legacy.sync;

import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.ReconciledDatasets;
import dev.msakit.legacy.catalog.ProductStore;
import dev.msakit.legacy.ordering.OrderDesk;
import dev.msakit.platform.messaging.ReconciliationDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

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

    @Bean
    public ReconciliationDataset orderingDataset(OrderDesk orders) {
        return new ReconciliationDataset(ReconciledDatasets.ORDERING, ReconciledDatasets.ORDERING_ROWS,
                List.of(MigrationTopics.ORDERS_FROM_LEGACY)).withRepairs(orders::publishRepairs);
    }
}

package dev.msakit.product.migration;

import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.ReconciledDatasets;
import dev.msakit.platform.messaging.ReconciliationDataset;
import dev.msakit.product.domain.ProductRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The catalog as release-control's reconciliation compares it with the legacy shop's, and repairs the shop's copy
 * from here while this side holds the catalog.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogReconciliation {

    @Bean
    public ReconciliationDataset catalogDataset(ProductRepository products, CatalogFeed feed) {
        return new ReconciliationDataset(ReconciledDatasets.CATALOG, ReconciledDatasets.CATALOG_ROWS,
                List.of(MigrationTopics.CATALOG_FROM_NEW)).withRepairs(repair -> ReconciledDatasets.repairCatalog(
                        repair, products::lockAny, feed::repair));
    }
}

package dev.msakit.order.migration;

import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.ReconciledDatasets;
import dev.msakit.platform.messaging.ReconciliationDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The orders (held here and copies) as release-control's reconciliation compares them with the legacy shop's. */
@Configuration(proxyBeanMethods = false)
public class OrderingReconciliation {

    @Bean
    public ReconciliationDataset orderingDataset() {
        return new ReconciliationDataset(ReconciledDatasets.ORDERING, ReconciledDatasets.ORDERING_ROWS,
                List.of(MigrationTopics.ORDERS_FROM_NEW));
    }
}

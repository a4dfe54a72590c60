package dev.msakit.order.migration;

import dev.msakit.contracts.OrderIds;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.ReconciledDatasets;
import dev.msakit.order.domain.OrderRepository;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.platform.messaging.ReconciliationDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Optional;

/** The orders (held here and copies) as release-control's reconciliation compares them with the legacy shop's. */
@Configuration(proxyBeanMethods = false)
public class OrderingReconciliation {

    @Bean
    public ReconciliationDataset orderingDataset(OrderFeed feed, OrderRepository orders) {
        return new ReconciliationDataset(ReconciledDatasets.ORDERING, ReconciledDatasets.ORDERING_ROWS,
                List.of(MigrationTopics.ORDERS_FROM_NEW)).withRepairs(repair -> repair.each(row -> {
                    // Each side repairs the orders it holds (see ReconciledDatasets.heldPerRow).
                    Optional<PurchaseOrder> order = orders.lockById(OrderIds.normalize(row.getId()));
                    if (order.isEmpty()) {
                        return "not here";
                    }
                    if (!order.get().isHeldHere()) {
                        return "a copy here: the legacy shop holds it";
                    }
                    feed.repair(order.get());
                    return null;
                }));
    }
}

package dev.msakit.legacy.sync;

import dev.msakit.contracts.migration.CancelOrder;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.OrderRepair;
import dev.msakit.contracts.migration.OrderSnapshot;
import dev.msakit.contracts.migration.ProductRepair;
import dev.msakit.contracts.migration.ProductSnapshot;
import dev.msakit.contracts.migration.StockAdjusted;
import dev.msakit.legacy.catalog.ProductStore;
import dev.msakit.legacy.ordering.OrderDesk;
import dev.msakit.platform.messaging.IncomingMessages;
import dev.msakit.platform.messaging.MessageDispatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies what the new services changed, each message once (inbox) and in the transaction of its effect, without
 * sending it back: the shop stays current while the new side serves a feature, ready to take it back at a flip.
 */
@Component
public class NewSideChanges {

    private static final Logger log = LoggerFactory.getLogger(NewSideChanges.class);

    private final IncomingMessages incoming;
    private final MessageDispatch dispatch;
    private final Counter oversold;

    public NewSideChanges(IncomingMessages incoming, ProductStore products, OrderDesk orders, MeterRegistry meters) {
        this.incoming = incoming;
        this.oversold = Counter.builder("migration.sync.oversold")
                .description("Items both sides sold within the sync delay that were not in stock any more")
                .register(meters);
        this.dispatch = MessageDispatch.builder()
                .on(ProductSnapshot.class, (p, message) -> products.upsertFromNewSide(p.getProductId(), p.getName(),
                        p.getDescription(), p.getPrice(), p.getStock(), p.isActive(), p.getUpdatedAt(),
                        p.getEditVersion()))
                .on(ProductRepair.class, (r, message) -> {
                    products.repairFromNewSide(r.getProductId(), r.getName(), r.getDescription(), r.getPrice(),
                            r.getStock(), r.getStockCorrection(), r.isActive(), r.getUpdatedAt(), r.getEditVersion());
                    log.info("Product {} repaired from the new side (stock {}{})", r.getProductId(),
                            r.getStockCorrection() >= 0 ? "+" : "", r.getStockCorrection());
                })
                .on(StockAdjusted.class, (s, message) -> {
                    int missing = products.applyDelta(s.getProductId(), s.getDelta());
                    if (missing > 0) {
                        oversold.increment(missing);
                        log.warn("Product {} was sold on both sides beyond its stock: {} item(s) short",
                                s.getProductId(), missing);
                    }
                })
                .on(OrderSnapshot.class, (o, message) -> orders.applyFromNewSide(o))
                .on(OrderRepair.class, (o, message) -> orders.repairFromNewSide(o))
                .on(CancelOrder.class, (c, message) -> orders.cancelForNewSide(c.getOrderId(), c.getMemberId()))
                .build();
    }

    @KafkaListener(topics = {MigrationTopics.CATALOG_FROM_NEW, MigrationTopics.ORDERS_FROM_NEW},
            autoStartup = "${platform.messaging.consumers.enabled:true}")
    public void onChange(ConsumerRecord<String, String> record) {
        incoming.process(record, dispatch);
    }
}

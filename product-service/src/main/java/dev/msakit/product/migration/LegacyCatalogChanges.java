package dev.msakit.product.migration;

import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.ProductRepair;
import dev.msakit.contracts.migration.ProductSnapshot;
import dev.msakit.contracts.migration.StockAdjusted;
import dev.msakit.platform.messaging.IncomingMessages;
import dev.msakit.platform.messaging.MessageDispatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Applies the legacy shop's catalog changes, each once (inbox) and in the transaction of its effect: a product is
 * created with the shop's id and stock, edited when the shop's edit wins (ProductSnapshot), and its stock moves by
 * the shop's sales and returns. Stock does not go below zero; what both sides sold beyond it within the sync delay is
 * counted. A delta for a product not known here is dropped: the shop's copy of it, still to come, already holds it.
 */
@Component
public class LegacyCatalogChanges {

    private static final Logger log = LoggerFactory.getLogger(LegacyCatalogChanges.class);

    private final IncomingMessages incoming;
    private final JdbcTemplate jdbc;
    private final MessageDispatch dispatch;
    private final Counter oversold;

    public LegacyCatalogChanges(IncomingMessages incoming, JdbcTemplate jdbc, MeterRegistry meters) {
        this.incoming = incoming;
        this.jdbc = jdbc;
        this.oversold = Counter.builder("migration.sync.oversold")
                .description("Items both sides sold within the sync delay that were not in stock any more")
                .register(meters);
        this.dispatch = MessageDispatch.builder()
                .on(ProductSnapshot.class, (p, message) -> upsertNewer(p))
                .on(StockAdjusted.class, (s, message) -> adjust(s))
                .on(ProductRepair.class, (r, message) -> repair(r))
                .build();
    }

    @KafkaListener(topics = MigrationTopics.CATALOG_FROM_LEGACY,
            autoStartup = "${platform.messaging.consumers.enabled:true}")
    public void onChange(ConsumerRecord<String, String> record) {
        incoming.process(record, dispatch);
    }

    /**
     * Creates the shop's product, or takes its edit when the shop counted more edits than this side has applied (of
     * two edits made at once on both sides, with the same count, this side's stays: the shop takes it too).
     */
    private void upsertNewer(ProductSnapshot p) {
        Timestamp at = Timestamp.from(p.getUpdatedAt());
        jdbc.update("INSERT INTO product (id, name, description, price, stock, active, created_at, updated_at,"
                + " edit_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " name = EXCLUDED.name, description = EXCLUDED.description, price = EXCLUDED.price,"
                + " active = EXCLUDED.active, updated_at = EXCLUDED.updated_at, edit_version = EXCLUDED.edit_version"
                + " WHERE product.edit_version < EXCLUDED.edit_version",
                p.getProductId(), p.getName(), p.getDescription(), p.getPrice(), p.getStock(), p.isActive(), at, at,
                p.getEditVersion());
    }

    /** The shop's product whatever the edit counts, its stock corrected by what reconciliation saw (ProductRepair). */
    private void repair(ProductRepair r) {
        Timestamp at = Timestamp.from(r.getUpdatedAt());
        jdbc.update("INSERT INTO product (id, name, description, price, stock, active, created_at, updated_at,"
                + " edit_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " name = EXCLUDED.name, description = EXCLUDED.description, price = EXCLUDED.price,"
                + " stock = greatest(0, product.stock + ?), active = EXCLUDED.active,"
                + " updated_at = EXCLUDED.updated_at, edit_version = EXCLUDED.edit_version",
                r.getProductId(), r.getName(), r.getDescription(), r.getPrice(), r.getStock(), r.isActive(), at, at,
                r.getEditVersion(), r.getStockCorrection());
        log.info("Product {} repaired from the legacy shop (stock {}{})", r.getProductId(),
                r.getStockCorrection() >= 0 ? "+" : "", r.getStockCorrection());
    }

    private void adjust(StockAdjusted s) {
        Integer before = jdbc.query("SELECT stock FROM product WHERE id = ? FOR UPDATE", (rs, n) -> rs.getInt(1),
                s.getProductId()).stream().findFirst().orElse(null);
        if (before == null) {
            return;
        }
        int after = Math.max(0, before + s.getDelta());
        jdbc.update("UPDATE product SET stock = ? WHERE id = ?", after, s.getProductId());
        if (after > before + s.getDelta()) {
            oversold.increment(after - (before + s.getDelta()));
            log.warn("Product {} was sold on both sides beyond its stock: {} item(s) short", s.getProductId(),
                    after - (before + s.getDelta()));
        }
    }
}

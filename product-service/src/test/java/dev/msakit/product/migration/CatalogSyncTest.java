package dev.msakit.product.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.ReconciledDatasets;
import dev.msakit.contracts.migration.SyncRepair;
import dev.msakit.contracts.stock.StockTopics;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.platform.testing.TestMessages;
import dev.msakit.product.domain.CatalogService;
import dev.msakit.product.domain.Product;
import dev.msakit.product.domain.ProductRepository;
import dev.msakit.product.messaging.StockCommandListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the catalog moves: product-service sends each change to the legacy shop (edits as snapshots, stock as
 * deltas) and applies the shop's changes once, without sending them back.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class CatalogSyncTest {

    @Autowired
    private CatalogService catalog;
    @Autowired
    private StockCommandListener stockCommands;
    @Autowired
    private LegacyCatalogChanges legacy;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ProductRepository products;
    @Autowired
    private CatalogFeed feed;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void editsAndStockMovementsGoToTheLegacyShopInOrder() throws Exception {
        Product pen = catalog.create("Pen", null, new BigDecimal("1.10"), 10);
        catalog.update(pen.getId(), "Pen", "blue", new BigDecimal("1.20"), 12);
        String order = UUID.randomUUID().toString();
        stockCommands.onCommand(TestMessages.message(StockTopics.COMMANDS, "ReserveStock", order,
                "{\"orderId\":\"" + order + "\",\"items\":[{\"productId\":" + pen.getId() + ",\"quantity\":3}]}"));
        stockCommands.onCommand(TestMessages.message(StockTopics.COMMANDS, "ReleaseStock", order,
                "{\"orderId\":\"" + order + "\"}"));

        List<String> sent = sentFor(pen.getId()).stream().map(m -> m.type + ":" + summary(m))
                .collect(Collectors.toList());
        assertThat(sent).containsExactly("ProductSnapshot:10", "ProductSnapshot:12", "StockAdjusted:2",
                "StockAdjusted:-3", "StockAdjusted:3");
    }

    @Test
    void appliesTheShopsChangesOnceWithItsIdsAndNeverSendsThemBack() {
        long id = 1_000_000_077L;
        legacy.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_LEGACY, "ProductSnapshot", "" + id,
                "{\"productId\":" + id + ",\"name\":\"Lamp\",\"price\":20.00,\"stock\":5,\"active\":true,"
                        + "\"updatedAt\":\"2026-01-01T10:00:00Z\"}"));
        var sale = TestMessages.message(MigrationTopics.CATALOG_FROM_LEGACY, "StockAdjusted", "" + id,
                "{\"productId\":" + id + ",\"delta\":-2}");
        legacy.onChange(sale);
        legacy.onChange(sale);
        legacy.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_LEGACY, "ProductSnapshot", "" + id,
                "{\"productId\":" + id + ",\"name\":\"Older lamp\",\"price\":1.00,\"stock\":50,\"active\":true,"
                        + "\"updatedAt\":\"2025-01-01T10:00:00Z\"}"));

        Product lamp = catalog.get(id);
        assertThat(lamp.getName()).isEqualTo("Lamp");
        assertThat(lamp.getStock()).isEqualTo(3);
        assertThat(sentFor(id)).isEmpty();

        // Both sides sold the last items within the sync delay: stock stops at zero here, and that is counted.
        legacy.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_LEGACY, "StockAdjusted", "" + id,
                "{\"productId\":" + id + ",\"delta\":-5}"));
        assertThat(catalog.get(id).getStock()).isZero();
        // The shop's id block does not collide with ids product-service gives.
        assertThat(catalog.create("Mug", null, BigDecimal.ONE, 1).getId()).isLessThan(id);
    }

    /**
     * A repair from the shop (it holds the catalog) wins over this side's higher edit count, and corrects the stock by
     * what reconciliation saw rather than setting it: a sale here still on its way to the shop counts on both sides.
     */
    @Test
    void aRepairFromTheShopTakesItsFieldsAndCorrectsTheStockBesideSalesInFlight() {
        long id = 1_000_000_088L;
        legacy.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_LEGACY, "ProductSnapshot", "" + id,
                "{\"productId\":" + id + ",\"name\":\"Kettle\",\"price\":30.00,\"stock\":10,\"active\":true,"
                        + "\"updatedAt\":\"2026-01-01T10:00:00Z\",\"editVersion\":1}"));
        catalog.update(id, "Kettle (drifted)", null, new BigDecimal("31.00"), 14);
        // Reconciliation saw the shop at 10 and this side at 14; a sale of 1 here happens after it looked.
        jdbc.update("UPDATE product SET stock = stock - 1 WHERE id = ?", id);

        legacy.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_LEGACY, "ProductRepair", "" + id,
                "{\"productId\":" + id + ",\"name\":\"Kettle\",\"price\":30.00,\"stock\":10,\"active\":true,"
                        + "\"updatedAt\":\"2026-01-02T10:00:00Z\",\"editVersion\":1,\"stockCorrection\":-4}"));

        Product kettle = catalog.get(id);
        assertThat(kettle.getName()).as("the shop's fields, though this side counted more edits").isEqualTo("Kettle");
        assertThat(kettle.getPrice()).isEqualByComparingTo("30.00");
        assertThat(kettle.getStock()).as("14 - 1 sold - 4: the shop, 10, minus the sale it is still to hear of")
                .isEqualTo(9);
        assertThat(kettle.getEditVersion()).isEqualTo(1);

        // A product only the shop had arrives with the shop's stock.
        long missing = 1_000_000_089L;
        legacy.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_LEGACY, "ProductRepair", "" + missing,
                "{\"productId\":" + missing + ",\"name\":\"Tray\",\"price\":5.00,\"stock\":6,\"active\":true,"
                        + "\"updatedAt\":\"2026-01-02T10:00:00Z\",\"editVersion\":3,\"stockCorrection\":6}"));
        assertThat(catalog.get(missing).getStock()).isEqualTo(6);
    }

    /** Holding the catalog, this side publishes a drifted product as it is, with the correction reconciliation saw. */
    @Test
    void repairsArePublishedAsTheProductIsHereWithTheStockCorrection() throws Exception {
        Product cup = catalog.create("Cup", null, new BigDecimal("3.00"), 8);
        // As the catalog data set's repairs are wired (CatalogReconciliation).
        SyncRepair asked = new SyncRepair(List.of(
                new SyncRepair.Row(Long.toString(cup.getId()), "Cup|3.00|8|true", "Cup|3.00|5|true"),
                new SyncRepair.Row("999999", "Gone|1.00|1|true", null),
                new SyncRepair.Row("not-an-id", null, null)));
        SyncRepair.Result result = transactions.execute(status -> ReconciledDatasets.repairCatalog(asked,
                products::lockAny, feed::repair));

        assertThat(result.getPublished()).containsExactly(Long.toString(cup.getId()));
        assertThat(result.getNotPublished()).containsOnlyKeys("999999", "not-an-id")
                .allSatisfy((id, why) -> assertThat(why).contains("not here"));
        TestMessages.Sent repair = sentFor(cup.getId()).get(sentFor(cup.getId()).size() - 1);
        assertThat(repair.type).isEqualTo("ProductRepair");
        var payload = json.readTree(repair.payload);
        assertThat(payload.path("stockCorrection").asInt()).isEqualTo(3);
        assertThat(payload.path("stock").asInt()).isEqualTo(8);
        assertThat(payload.path("name").asText()).isEqualTo("Cup");
    }

    private List<TestMessages.Sent> sentFor(long productId) {
        return TestMessages.outbox(jdbc, MigrationTopics.CATALOG_FROM_NEW).stream()
                .filter(m -> m.key.equals(Long.toString(productId))).collect(Collectors.toList());
    }

    private String summary(TestMessages.Sent message) {
        try {
            var payload = json.readTree(message.payload);
            return payload.has("delta") ? payload.path("delta").asText() : payload.path("stock").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

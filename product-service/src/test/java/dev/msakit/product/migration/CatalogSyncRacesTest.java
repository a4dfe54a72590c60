package dev.msakit.product.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.product.domain.CatalogService;
import dev.msakit.product.domain.ItemRequest;
import dev.msakit.product.domain.ProductRepository;
import dev.msakit.product.domain.StockReservationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The races that let the legacy shop's copy of the catalog drift from product-service's, each forced on a real
 * PostgreSQL: a sale holds the product's row while an edit or the initial copy runs. The check is the shop's: apply
 * what product-service published, in publication order, as the shop does (a delta for a product it does not know is
 * dropped), and compare with product-service's stock.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class CatalogSyncRacesTest {

    @Autowired
    private CatalogService catalog;
    @Autowired
    private CatalogBackfill backfill;
    @Autowired
    private ProductRepository products;
    @Autowired
    private StockReservationService stock;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private PlatformTransactionManager transactionManager;

    /**
     * An edit while a sale of 3 is in flight: the edit waits for the sale, computes its delta from the stock after
     * it (+5 to reach 12, not +2 from a stale 10) and publishes after it, in commit order.
     */
    @Test
    void anEditDuringASaleNeitherLosesTheSaleNorOvertakesIt() throws Exception {
        long id = catalog.create("Pen", null, new BigDecimal("1.00"), 10).getId();
        long before = lastOutboxId();
        CountDownLatch saleHoldsTheRow = new CountDownLatch(1);
        CountDownLatch commitTheSale = new CountDownLatch(1);
        CompletableFuture<Void> sale = saleOf(id, 3, saleHoldsTheRow, commitTheSale);
        assertThat(saleHoldsTheRow.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> edit = CompletableFuture.runAsync(() ->
                catalog.update(id, "Pen", "blue", new BigDecimal("1.20"), 12));
        Thread.sleep(300);
        commitTheSale.countDown();
        sale.get(10, TimeUnit.SECONDS);
        edit.get(10, TimeUnit.SECONDS);

        assertThat(published(id, before)).containsExactly("StockAdjusted:-3", "ProductSnapshot:12",
                "StockAdjusted:5");
        assertThat(shopStockAfterReplaying(id)).isEqualTo(stockHere(id)).isEqualTo(12);
    }

    /**
     * The initial copy while a sale is in flight on a product the shop does not know yet: the copy waits for the
     * sale and holds it, so dropping the sale's earlier delta (unknown product) loses nothing.
     */
    @Test
    void theInitialCopyDuringASaleHoldsTheSale() throws Exception {
        // A product from before the sync started: in the table, never published.
        long id = jdbc.queryForObject("INSERT INTO product (name, price, stock, active, created_at, updated_at)"
                + " VALUES ('Old lamp', 20.00, 10, true, now(), now()) RETURNING id", Long.class);
        long before = lastOutboxId();
        CountDownLatch saleHoldsTheRow = new CountDownLatch(1);
        CountDownLatch commitTheSale = new CountDownLatch(1);
        CompletableFuture<Void> sale = saleOf(id, 3, saleHoldsTheRow, commitTheSale);
        assertThat(saleHoldsTheRow.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> copy = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> backfill.copyAll()));
        Thread.sleep(300);
        commitTheSale.countDown();
        sale.get(10, TimeUnit.SECONDS);
        copy.get(10, TimeUnit.SECONDS);

        assertThat(published(id, before)).containsExactly("StockAdjusted:-3", "ProductSnapshot:7");
        assertThat(shopStockAfterReplaying(id, before)).isEqualTo(stockHere(id)).isEqualTo(7);
    }

    /**
     * A sale as the stock saga makes one (the row taken by the UPDATE, the reservation's delta written under it),
     * committed only when told: meanwhile it holds the product's row.
     */
    private CompletableFuture<Void> saleOf(long id, int quantity, CountDownLatch holding, CountDownLatch commit) {
        return CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    assertThat(stock.reserve(UUID.randomUUID().toString(), List.of(new ItemRequest(id, quantity)))
                            .isReserved()).isTrue();
                    holding.countDown();
                    try {
                        assertThat(commit.await(10, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
    }

    private long lastOutboxId() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM outbox_message", Long.class);
    }

    private int stockHere(long id) {
        return jdbc.queryForObject("SELECT stock FROM product WHERE id = ?", Integer.class, id);
    }

    /** The product's messages after {@code after}, in the relay's (id) order, as "type:stock or delta". */
    private List<String> published(long id, long after) {
        return messages(id, after).stream().map(m -> m.path("type").asText() + ":" + (m.has("delta")
                ? m.path("delta").asText() : m.path("stock").asText())).collect(Collectors.toList());
    }

    private int shopStockAfterReplaying(long id) {
        return shopStockAfterReplaying(id, 0);
    }

    /** The shop's rules: a snapshot creates an unknown product with its stock; a delta moves a known one. */
    private int shopStockAfterReplaying(long id, long after) {
        Map<Long, Integer> shop = new HashMap<>();
        for (JsonNode message : messages(id, after)) {
            if (message.path("type").asText().equals("ProductSnapshot")) {
                shop.putIfAbsent(id, message.path("stock").asInt());
            } else if (shop.containsKey(id)) {
                shop.put(id, shop.get(id) + message.path("delta").asInt());
            }
        }
        return shop.getOrDefault(id, -1);
    }

    private List<JsonNode> messages(long id, long after) {
        return jdbc.query("SELECT message_type, payload FROM outbox_message WHERE topic = ? AND message_key = ?"
                + " AND id > ? ORDER BY id", (rs, n) -> {
                    try {
                        return ((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(rs.getString(2)))
                                .put("type", rs.getString(1));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, MigrationTopics.CATALOG_FROM_NEW, Long.toString(id), after);
    }
}

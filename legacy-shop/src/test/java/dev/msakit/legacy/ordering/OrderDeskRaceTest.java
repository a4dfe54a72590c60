package dev.msakit.legacy.ordering;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.OrderRequests;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.legacy.sync.NewSideChanges;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.platform.testing.TestMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One request (member and Idempotency-Key) placed here while order-service's order for it arrives, on a real
 * PostgreSQL with both transactions really concurrent: the copy must wait for the placement to commit and then find
 * it, so the shop gives its order up with the stock back. (Reading the order's row before taking the key found
 * nothing, then overwrote the just-committed order with the copy: the stock taken twice, as SyncChaosIT once saw.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class OrderDeskRaceTest {

    @Autowired
    private OrderDesk desk;
    @Autowired
    private NewSideChanges newSide;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private ObjectMapper json;

    @Test
    void theNewSidesCopyArrivingDuringThePlacementHereGivesTheStockBackOnce() throws Exception {
        jdbc.update("INSERT INTO product (id, name, price, stock, active, updated_at)"
                + " VALUES (1999000001, 'Race mug', 2.00, 10, true, now())");
        long member = 21;
        String key = "race-" + System.nanoTime();
        String id = OrderRequests.orderId(member, key);
        OrderForm.Item item = new OrderForm.Item();
        item.setProductId(1999000001L);
        item.setQuantity(2);

        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<String> placing = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(tx -> {
                    String placed = desk.place(member, List.of(item), key).order.getOrderId();
                    try {
                        commit.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return placed;
                }));
        await().atMost(Duration.ofSeconds(10)).until(() -> locks("advisory", true) > 0);

        CompletableFuture<Void> copying = CompletableFuture.runAsync(() -> newSide.onChange(TestMessages.message(
                MigrationTopics.ORDERS_FROM_NEW, "OrderSnapshot", id, "{\"orderId\":\"" + id + "\",\"memberId\":"
                        + member + ",\"status\":\"PENDING\",\"createdAt\":\"2026-01-01T10:00:00Z\",\"version\":0,"
                        + "\"lines\":[{\"productId\":1999000001,\"quantity\":2}],\"idempotencyKey\":\"" + key
                        + "\"}")));
        // The copy waits for the placement (on the key, or on the row with the old order of locks): let it commit.
        await().atMost(Duration.ofSeconds(10)).until(() -> locks("advisory", false) + locks("transactionid", false)
                > 0);
        commit.countDown();
        assertThat(placing.get(20, TimeUnit.SECONDS)).isEqualTo(id);
        copying.get(20, TimeUnit.SECONDS);

        assertThat(jdbc.queryForObject("SELECT stock FROM product WHERE id = 1999000001", Integer.class))
                .as("taken here, given back when order-service's order arrived").isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT held_by FROM orders WHERE id = ?", String.class, id)).isEqualTo("new");
        List<TestMessages.Sent> deltas = TestMessages.outbox(jdbc, MigrationTopics.CATALOG_FROM_LEGACY);
        assertThat(deltas.stream().filter(m -> m.key.equals("1999000001") && m.type.equals("StockAdjusted"))
                .map(m -> delta(m.payload))).containsExactly(-2, 2);
    }

    private long locks(String type, boolean granted) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = ? AND granted = ?", Long.class,
                type, granted);
    }

    private int delta(String payload) {
        try {
            return json.readTree(payload).path("delta").asInt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

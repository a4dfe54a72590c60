package dev.msakit.product.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.stock.StockTopics;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.platform.testing.RowUpdates;
import dev.msakit.platform.testing.TestMessages;
import dev.msakit.product.domain.CatalogService;
import dev.msakit.product.domain.Product;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * product-service's half of the stock saga on a real PostgreSQL, without a broker: commands are handed to the
 * listener as the broker would deliver them, and replies are read from the outbox the relay would publish.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class StockCommandsTest {

    @Autowired
    private StockCommandListener listener;
    @Autowired
    private CatalogService catalog;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private MockMvc mvc;

    @Test
    void reservesAllItemsAtTheirPricesAndARedeliveryTakesNothingMore() throws Exception {
        Product pen = catalog.create("Pen", null, new BigDecimal("1.10"), 10);
        Product ink = catalog.create("Ink", null, new BigDecimal("10.00"), 10);
        String order = UUID.randomUUID().toString();
        ConsumerRecord<String, String> command = reserve(order, pen, 2, ink, 1);

        listener.onCommand(command);
        listener.onCommand(command);

        assertThat(catalog.get(pen.getId()).getStock()).isEqualTo(8);
        assertThat(catalog.get(ink.getId()).getStock()).isEqualTo(9);
        List<TestMessages.Sent> replies = repliesFor(order);
        assertThat(replies).extracting(r -> r.type).containsExactly("StockReserved");
        JsonNode reply = json.readTree(replies.get(0).payload);
        assertThat(reply.path("lines")).hasSize(2);
        assertThat(reply.path("lines").findValuesAsText("productName")).containsExactlyInAnyOrder("Pen", "Ink");
        assertThat(reply.path("lines").findValues("unitPrice")).extracting(JsonNode::decimalValue)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("1.10"), new BigDecimal("10.00"));
    }

    /** A reservation's lines are inserted with their order's key: no statement rewrites a line it just wrote. */
    @Test
    void aReservationWritesItsLinesWithoutUpdatingThem() {
        Product pen = catalog.create("Pen", null, new BigDecimal("1.10"), 10);
        Product ink = catalog.create("Ink", null, new BigDecimal("10.00"), 10);
        String order = UUID.randomUUID().toString();

        assertThat(RowUpdates.during(jdbc, "reservation_line", () -> listener.onCommand(reserve(order, pen, 2, ink, 1))))
                .isZero();
        assertThat(repliesFor(order)).extracting(r -> r.type).containsExactly("StockReserved");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation_line WHERE order_id = ?", Long.class, order))
                .isEqualTo(2);
    }

    @Test
    void aShortItemRejectsTheWholeOrderAndGivesBackWhatTheOthersTook() throws Exception {
        Product plenty = catalog.create("Plenty", null, BigDecimal.ONE, 100);
        Product scarce = catalog.create("Scarce", null, BigDecimal.ONE, 1);
        String order = UUID.randomUUID().toString();

        listener.onCommand(reserve(order, plenty, 5, scarce, 2));

        assertThat(catalog.get(plenty.getId()).getStock()).isEqualTo(100);
        assertThat(catalog.get(scarce.getId()).getStock()).isEqualTo(1);
        List<TestMessages.Sent> replies = repliesFor(order);
        assertThat(replies).extracting(r -> r.type).containsExactly("StockRejected");
        assertThat(json.readTree(replies.get(0).payload).path("reason").asText())
                .isEqualTo("Not enough stock of product " + scarce.getId() + " for quantity 2");
        // What the other line took and gave back in the same transaction never reaches the legacy shop.
        assertThat(TestMessages.outbox(jdbc, MigrationTopics.CATALOG_FROM_NEW))
                .filteredOn(m -> m.key.equals(Long.toString(plenty.getId()))).extracting(m -> m.type)
                .containsExactly("ProductSnapshot");
    }

    @Test
    void aProductThatDoesNotExistIsNamedInTheRejection() throws Exception {
        Product pen = catalog.create("Pen", null, BigDecimal.ONE, 5);
        String order = UUID.randomUUID().toString();
        listener.onCommand(TestMessages.message(StockTopics.COMMANDS, "ReserveStock", order, "{\"orderId\":\"" + order
                + "\",\"items\":[{\"productId\":" + pen.getId() + ",\"quantity\":1},{\"productId\":987654,"
                + "\"quantity\":1}]}"));
        assertThat(json.readTree(repliesFor(order).get(0).payload).path("reason").asText())
                .isEqualTo("Product 987654 does not exist");
        assertThat(catalog.get(pen.getId()).getStock()).isEqualTo(5);
    }

    @Test
    void releaseGivesStockBackOnceAndAReservationAfterItsReleaseIsRefused() throws Exception {
        Product pen = catalog.create("Pen", null, BigDecimal.ONE, 10);
        String order = UUID.randomUUID().toString();
        listener.onCommand(reserve(order, pen, 3, null, 0));
        assertThat(catalog.get(pen.getId()).getStock()).isEqualTo(7);

        listener.onCommand(release(order));
        listener.onCommand(release(order));
        assertThat(catalog.get(pen.getId()).getStock()).isEqualTo(10);

        // A release that overtook its reservation (the order was cancelled at once) leaves a tombstone.
        String cancelledEarly = UUID.randomUUID().toString();
        listener.onCommand(release(cancelledEarly));
        listener.onCommand(reserve(cancelledEarly, pen, 4, null, 0));
        assertThat(catalog.get(pen.getId()).getStock()).isEqualTo(10);
        assertThat(repliesFor(cancelledEarly)).extracting(r -> r.type).containsExactly("StockRejected");
    }

    @Test
    void concurrentOrdersForTheLastUnitsNeverOversell() throws Exception {
        int stock = 5;
        int buyers = 24;
        Product scarce = catalog.create("Last units", null, new BigDecimal("9.90"), stock);
        Product plenty = catalog.create("Plenty", null, new BigDecimal("1.00"), 1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<String> orders = new ArrayList<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            String order = UUID.randomUUID().toString();
            orders.add(order);
            // Each order also takes a plentiful product: a refused order must give that unit back too.
            ConsumerRecord<String, String> command = reserve(order, plenty, 1, scarce, 1);
            done.add(pool.submit(() -> {
                start.await();
                listener.onCommand(command);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        List<String> outcomes = orders.stream().map(o -> repliesFor(o).get(0).type).collect(Collectors.toList());
        assertThat(outcomes).filteredOn("StockReserved"::equals).hasSize(stock);
        assertThat(outcomes).filteredOn("StockRejected"::equals).hasSize(buyers - stock);
        assertThat(catalog.get(scarce.getId()).getStock()).isZero();
        assertThat(catalog.get(plenty.getId()).getStock()).isEqualTo(1000 - stock);
    }

    @Test
    void theCatalogLookupAnswersServicesWithWhatIsOnSale() throws Exception {
        Product pen = catalog.create("Pen", null, new BigDecimal("1.10"), 1);
        Product gone = catalog.create("Gone", null, BigDecimal.ONE, 1);
        catalog.delete(gone.getId());
        mvc.perform(get("/internal/catalog").param("ids", pen.getId() + "," + gone.getId() + ",987654")
                        .header("Authorization", "Bearer " + TOKENS.service("order-service")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(pen.getId()))
                .andExpect(jsonPath("$[0].price").value(1.10));
        mvc.perform(get("/internal/catalog").param("ids", String.valueOf(pen.getId()))
                .header("Authorization", "Bearer " + TOKENS.member(1))).andExpect(status().isForbidden());
        mvc.perform(get("/internal/catalog").param("ids", "one")
                        .header("Authorization", "Bearer " + TOKENS.service("order-service")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theInternalCatalogIsNotInTheApiDocument() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(json.readTree(doc).path("paths").has("/products/{id}")).isTrue();
        assertThat(doc).doesNotContain("/internal/").doesNotContain("\"/error\"");
    }

    private static ConsumerRecord<String, String> reserve(String order, Product first, int firstQuantity,
                                                          Product second, int secondQuantity) {
        String items = "{\"productId\":" + first.getId() + ",\"quantity\":" + firstQuantity + "}"
                + (second == null ? "" : ",{\"productId\":" + second.getId() + ",\"quantity\":" + secondQuantity + "}");
        return TestMessages.message(StockTopics.COMMANDS, "ReserveStock", order,
                "{\"orderId\":\"" + order + "\",\"items\":[" + items + "]}");
    }

    private static ConsumerRecord<String, String> release(String order) {
        return TestMessages.message(StockTopics.COMMANDS, "ReleaseStock", order, "{\"orderId\":\"" + order + "\"}");
    }

    private List<TestMessages.Sent> repliesFor(String order) {
        return TestMessages.outbox(jdbc, StockTopics.REPLIES).stream().filter(m -> m.key.equals(order))
                .collect(Collectors.toList());
    }
}

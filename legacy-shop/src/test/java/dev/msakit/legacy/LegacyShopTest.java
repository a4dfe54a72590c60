package dev.msakit.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.legacy.sync.NewSideChanges;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.platform.testing.TestMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monolith on a real PostgreSQL, without a broker: its API as clients use it, what it writes to its outbox for
 * the new side, and how it applies the new side's changes (handed to its listener as the broker would).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class LegacyShopTest {

    /** Two pens at order-service: placed (version 0, no prices yet), then confirmed at the reserved price. */
    private static final String PENDING_PEN_ORDER = "\"status\":\"PENDING\",\"createdAt\":\"2026-01-01T10:00:00Z\","
            + "\"version\":0,\"lines\":[{\"productId\":41,\"quantity\":2}]";
    private static final String CONFIRMED_PEN_ORDER = "\"status\":\"CONFIRMED\",\"total\":2.20,"
            + "\"createdAt\":\"2026-01-01T10:00:00Z\",\"version\":1,\"lines\":[{\"productId\":41,"
            + "\"productName\":\"Pen\",\"unitPrice\":1.10,\"quantity\":2}]";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private NewSideChanges newSide;

    @Test
    void anOrderTakesItsStockInOneTransactionAndBothGoToTheNewSide() throws Exception {
        long mug = createProduct("Mug", "4.50", 10);
        JsonNode product = read(mvc.perform(get("/products/" + mug)).andExpect(status().isOk()).andReturn());
        assertThat(product.path("name").asText()).isEqualTo("Mug");
        assertThat(mug).as("the legacy id block").isGreaterThan(1_000_000_000L);

        JsonNode order = read(mvc.perform(asMember(7, post("/orders"))
                        .content("{\"items\":[{\"productId\":" + mug + ",\"quantity\":3}]}"))
                .andExpect(status().isCreated()).andExpect(header().string("Location",
                        org.hamcrest.Matchers.startsWith("/orders/"))).andReturn());
        assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("13.50");
        assertThat(order.path("items").get(0).path("lineTotal").decimalValue()).isEqualByComparingTo("13.50");
        assertThat(stock(mug)).isEqualTo(7);

        List<String> catalogFeed = types(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(mug));
        assertThat(catalogFeed).containsExactly("ProductSnapshot", "StockAdjusted");
        assertThat(lastPayload(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(mug)).path("delta").asInt())
                .isEqualTo(-3);
        String orderId = order.path("id").asText();
        assertThat(types(MigrationTopics.ORDERS_FROM_LEGACY, orderId)).containsExactly("OrderSnapshot");

        JsonNode cancelled = read(mvc.perform(asMember(7, post("/orders/" + orderId + "/cancel")))
                .andExpect(status().isOk()).andReturn());
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(stock(mug)).isEqualTo(10);
        assertThat(lastPayload(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(mug)).path("delta").asInt())
                .isEqualTo(3);
        assertThat(lastPayload(MigrationTopics.ORDERS_FROM_LEGACY, orderId).path("status").asText())
                .isEqualTo("CANCELLED");
        // Another member cannot see or cancel it.
        mvc.perform(asMember(8, get("/orders/" + orderId))).andExpect(status().isNotFound());
    }

    @Test
    void anOrderBeyondTheStockIsRejectedAndTakesNothing() throws Exception {
        long lamp = createProduct("Lamp", "20.00", 1);

        JsonNode order = read(mvc.perform(asMember(7, post("/orders"))
                        .content("{\"items\":[{\"productId\":" + lamp + ",\"quantity\":2}]}"))
                .andExpect(status().isCreated()).andReturn());

        assertThat(order.path("status").asText()).isEqualTo("REJECTED");
        assertThat(order.path("rejectionReason").asText()).contains("Not enough stock");
        assertThat(stock(lamp)).isEqualTo(1);
        assertThat(types(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(lamp))).containsExactly("ProductSnapshot");
    }

    @Test
    void badInputIsAProblemAndNeedsTheRightToken() throws Exception {
        mvc.perform(asMember(7, post("/orders")).content("{\"items\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(asMember(7, post("/orders")).content("{\"items\":[{\"productId\":999,\"quantity\":1}]}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[{\"productId\":1,\"quantity\":1}]}")).andExpect(status().isUnauthorized());
        mvc.perform(asMember(7, post("/products")).content("{\"name\":\"X\",\"price\":1,\"stock\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(asAdmin(put("/products/1")).content("{\"name\":\"\",\"price\":-1,\"stock\":1}"))
                .andExpect(status().isBadRequest());
        mvc.perform(asMember(7, get("/orders/not-a-uuid"))).andExpect(status().isBadRequest());
    }

    @Test
    void appliesTheNewSidesCatalogOnceAndKeepsTheNewerEdit() throws Exception {
        newSide.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_NEW, "ProductSnapshot", "41",
                "{\"productId\":41,\"name\":\"Pen\",\"price\":1.10,\"stock\":20,\"active\":true,"
                        + "\"updatedAt\":\"2026-01-01T10:00:00Z\",\"editVersion\":2}"));
        var sale = TestMessages.message(MigrationTopics.CATALOG_FROM_NEW, "StockAdjusted", "41",
                "{\"productId\":41,\"delta\":-5}");
        newSide.onChange(sale);
        newSide.onChange(sale);
        // An earlier edit changes nothing, whatever its writer's clock said (here: a later time).
        newSide.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_NEW, "ProductSnapshot", "41",
                "{\"productId\":41,\"name\":\"Old pen\",\"price\":0.90,\"stock\":99,\"active\":true,"
                        + "\"updatedAt\":\"2027-12-31T10:00:00Z\",\"editVersion\":1}"));

        mvc.perform(get("/products/41")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Pen")).andExpect(jsonPath("$.stock").value(15));
        // Nothing it applied goes back to the new side.
        assertThat(types(MigrationTopics.CATALOG_FROM_LEGACY, "41")).isEmpty();
    }

    /**
     * An edit here and one on the new side at the same moment, each on top of the same 2 edits: both sides count 3,
     * and the new side's wins here as it does there (product-service keeps its own on a tie), so both end alike.
     */
    @Test
    void twoEditsAtOnceOnBothSidesEndTheSameOnBoth() throws Exception {
        newSide.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_NEW, "ProductSnapshot", "42",
                "{\"productId\":42,\"name\":\"Cup\",\"price\":3.00,\"stock\":5,\"active\":true,"
                        + "\"updatedAt\":\"2026-01-01T10:00:00Z\",\"editVersion\":2}"));
        mvc.perform(asAdmin(put("/products/42")).content("{\"name\":\"Cup (shop)\",\"price\":3.50,\"stock\":5}"))
                .andExpect(status().isOk());
        JsonNode ours = lastPayload(MigrationTopics.CATALOG_FROM_LEGACY, "42");
        assertThat(ours.path("editVersion").asLong()).isEqualTo(3);

        newSide.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_NEW, "ProductSnapshot", "42",
                "{\"productId\":42,\"name\":\"Cup (new)\",\"price\":3.20,\"stock\":5,\"active\":true,"
                        + "\"updatedAt\":\"2020-01-01T10:00:00Z\",\"editVersion\":3}"));
        mvc.perform(get("/products/42")).andExpect(jsonPath("$.name").value("Cup (new)"));
        // The same snapshot again (a redelivery under another id) changes nothing more.
        newSide.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_NEW, "ProductSnapshot", "42",
                "{\"productId\":42,\"name\":\"Cup (again)\",\"price\":3.20,\"stock\":5,\"active\":true,"
                        + "\"updatedAt\":\"2020-01-01T10:00:00Z\",\"editVersion\":3}"));
        mvc.perform(get("/products/42")).andExpect(jsonPath("$.name").value("Cup (new)"));
    }

    /** Idempotency-Key as order-service has it: one order per key and member, other items refused. */
    @Test
    void aRetryWithTheSameKeyGetsTheSameOrder() throws Exception {
        long mug = createProduct("Key mug", "2.00", 10);
        String body = "{\"items\":[{\"productId\":" + mug + ",\"quantity\":2}]}";
        JsonNode first = read(mvc.perform(asMember(8, post("/orders")).header("Idempotency-Key", "k-1")
                .content(body)).andExpect(status().isCreated()).andReturn());
        JsonNode again = read(mvc.perform(asMember(8, post("/orders")).header("Idempotency-Key", "k-1")
                .content(body)).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn());

        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(stock(mug)).isEqualTo(8);
        mvc.perform(asMember(8, post("/orders")).header("Idempotency-Key", "k-1")
                        .content("{\"items\":[{\"productId\":" + mug + ",\"quantity\":3}]}"))
                .andExpect(status().isUnprocessableEntity());
        // The key is the member's: another member's same key is another order.
        mvc.perform(asMember(9, post("/orders")).header("Idempotency-Key", "k-1").content(body))
                .andExpect(status().isCreated()).andExpect(header().doesNotExist("Idempotent-Replayed"));
        mvc.perform(asMember(8, post("/orders")).header("Idempotency-Key", "bad key").content(body))
                .andExpect(status().isBadRequest());
    }

    /**
     * A client placed an order at order-service with a key, ordering flipped to the shop, and the client retries:
     * the copy carries the key, so the retry gets that order, and the shop takes no stock for a second one.
     */
    @Test
    void aRetryAfterAFlipFindsTheOrderTheNewSidePlaced() throws Exception {
        long mug = createProduct("Flip mug", "2.00", 10);
        String orderId = UUID.randomUUID().toString();
        String fingerprint = dev.msakit.contracts.OrderRequests.fingerprint(java.util.Map.of(mug, 2));
        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "OrderSnapshot", orderId,
                "{\"orderId\":\"" + orderId + "\",\"memberId\":10,\"status\":\"CONFIRMED\",\"total\":4.00,"
                        + "\"createdAt\":\"2026-01-01T10:00:00Z\",\"version\":1,\"lines\":[{\"productId\":" + mug
                        + ",\"productName\":\"Flip mug\",\"unitPrice\":2.00,\"quantity\":2}],"
                        + "\"idempotencyKey\":\"retry-1\",\"requestFingerprint\":\"" + fingerprint + "\"}"));

        JsonNode retried = read(mvc.perform(asMember(10, post("/orders")).header("Idempotency-Key", "retry-1")
                        .content("{\"items\":[{\"productId\":" + mug + ",\"quantity\":2}]}"))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn());

        assertThat(retried.path("id").asText()).isEqualTo(orderId);
        assertThat(stock(mug)).isEqualTo(10);
        assertThat(types(MigrationTopics.ORDERS_FROM_LEGACY, orderId)).isEmpty();
    }

    /**
     * The same request placed on both sides within the sync delay (a retry across a flip) has one id on both (it
     * follows from member and key): when order-service's order arrives, the shop gives its own up, stock back here
     * and, as a delta, there, and keeps order-service's as the copy. One order, the stock taken once.
     */
    @Test
    void aRetryPlacedOnBothSidesAtOnceEndsAsOneOrderWithTheStockTakenOnce() throws Exception {
        long mug = createProduct("Split mug", "2.00", 10);
        JsonNode ours = read(mvc.perform(asMember(13, post("/orders")).header("Idempotency-Key", "split-1")
                        .content("{\"items\":[{\"productId\":" + mug + ",\"quantity\":2}]}"))
                .andExpect(status().isCreated()).andReturn());
        String id = ours.path("id").asText();
        assertThat(id).isEqualTo(dev.msakit.contracts.OrderRequests.orderId(13, "split-1"));
        assertThat(stock(mug)).isEqualTo(8);

        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "OrderSnapshot", id,
                "{\"orderId\":\"" + id + "\",\"memberId\":13,\"status\":\"CONFIRMED\",\"total\":4.00,"
                        + "\"createdAt\":\"2026-01-01T10:00:00Z\",\"version\":1,\"lines\":[{\"productId\":" + mug
                        + ",\"productName\":\"Split mug\",\"unitPrice\":2.00,\"quantity\":2}],"
                        + "\"idempotencyKey\":\"split-1\"}"));

        assertThat(stock(mug)).as("the new side's sale comes as its own delta").isEqualTo(10);
        assertThat(lastPayload(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(mug)).path("delta").asInt())
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT held_by FROM orders WHERE id = ?", String.class, id)).isEqualTo("new");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE member_id = 13", Long.class)).isOne();
    }

    /**
     * A rejected order cannot be cancelled, whichever side holds it: 409 at once (no message that the holder would
     * refuse), and a cancel order-service forwards for a rejected order of ours sends the order back as it is.
     */
    @Test
    void cancellingARejectedOrderIsRefusedAtOnceAndNeverBecomesAPoisonMessage() throws Exception {
        String copyId = UUID.randomUUID().toString();
        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "OrderSnapshot", copyId,
                "{\"orderId\":\"" + copyId + "\",\"memberId\":11,\"status\":\"REJECTED\",\"rejectionReason\":"
                        + "\"Not enough stock\",\"createdAt\":\"2026-01-01T10:00:00Z\",\"version\":1,\"lines\":"
                        + "[{\"productId\":41,\"quantity\":200}]}"));
        mvc.perform(asMember(11, post("/orders/" + copyId + "/cancel"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("REJECTED")));
        assertThat(types(MigrationTopics.ORDERS_FROM_LEGACY, copyId)).isEmpty();

        long mug = createProduct("Rare mug", "2.00", 1);
        String ours = read(mvc.perform(asMember(11, post("/orders"))
                        .content("{\"items\":[{\"productId\":" + mug + ",\"quantity\":5}]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REJECTED")).andReturn())
                .path("id").asText();
        // Handled, not thrown (a throw here would be retried and end in the dead-letter topic).
        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "CancelOrder", ours,
                "{\"orderId\":\"" + ours + "\",\"memberId\":11}"));

        assertThat(types(MigrationTopics.ORDERS_FROM_LEGACY, ours)).containsExactly("OrderSnapshot", "OrderSnapshot");
        assertThat(lastPayload(MigrationTopics.ORDERS_FROM_LEGACY, ours).path("status").asText())
                .isEqualTo("REJECTED");
    }

    @Test
    void keepsCopiesOfTheNewSidesOrdersAndAsksItToCancelThem() throws Exception {
        String orderId = UUID.randomUUID().toString();
        copyFromNewSide(orderId, 7, CONFIRMED_PEN_ORDER);
        copyFromNewSide(orderId, 7, PENDING_PEN_ORDER);

        mvc.perform(asMember(7, get("/orders"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id=='" + orderId + "')].status").value("CONFIRMED"));
        mvc.perform(asMember(7, post("/orders/" + orderId + "/cancel"))).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CONFIRMED"));

        assertThat(types(MigrationTopics.ORDERS_FROM_LEGACY, orderId)).containsExactly("CancelOrder");
    }

    /** A copy's next version replaces its lines (the prices the reservation fixed), never adds to them. */
    @Test
    void aCopysNextVersionReplacesItsLines() throws Exception {
        String orderId = UUID.randomUUID().toString();
        copyFromNewSide(orderId, 8, PENDING_PEN_ORDER);
        copyFromNewSide(orderId, 8, CONFIRMED_PEN_ORDER);

        mvc.perform(asMember(8, get("/orders/" + orderId))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].productName").value("Pen"))
                .andExpect(jsonPath("$.items[0].unitPrice").value(1.10));
    }

    /** Ordering repairs: the shop publishes the orders it holds; order-service's repair mends a copy at any version. */
    @Test
    void orderRepairsArePublishedForOrdersHeldHereAndTakenIntoCopies() throws Exception {
        long cup = createProduct("Repair cup", "2", 5);
        String ours = read(mvc.perform(asMember(14, post("/orders"))
                        .content("{\"items\":[{\"productId\":" + cup + ",\"quantity\":1}]}"))
                .andExpect(status().isCreated()).andReturn()).path("id").asText();
        String copy = UUID.randomUUID().toString();
        String copyJson = "{\"orderId\":\"" + copy + "\",\"memberId\":14,\"status\":\"%s\",\"total\":2.20,"
                + "\"createdAt\":\"2026-01-01T10:00:00Z\",\"version\":3,\"lines\":[{\"productId\":41,"
                + "\"productName\":\"Pen\",\"unitPrice\":1.10,\"quantity\":2}]}";
        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "OrderSnapshot", copy,
                String.format(copyJson, "CONFIRMED")));

        mvc.perform(post("/internal/reconciliation/ordering/repairs").header("Authorization", "Bearer "
                        + TOKENS.service("release-control")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[{\"id\":\"" + ours + "\"},{\"id\":\"" + copy + "\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.published[0]").value(ours))
                .andExpect(jsonPath("$.notPublished['" + copy + "']")
                        .value(org.hamcrest.Matchers.containsString("a copy here")));
        assertThat(types(MigrationTopics.ORDERS_FROM_LEGACY, ours)).endsWith("OrderRepair");

        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "OrderSnapshot", copy,
                String.format(copyJson, "CANCELLED")));
        mvc.perform(asMember(14, get("/orders/" + copy))).andExpect(jsonPath("$.status").value("CONFIRMED"));
        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "OrderRepair", copy,
                String.format(copyJson, "CANCELLED")));
        mvc.perform(asMember(14, get("/orders/" + copy))).andExpect(jsonPath("$.status").value("CANCELLED"));
        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "OrderRepair", ours,
                String.format(copyJson.replace(copy, ours), "CANCELLED")));
        mvc.perform(asMember(14, get("/orders/" + ours))).andExpect(jsonPath("$.status").value("CONFIRMED"));
    }

    /** The same canonical rows as product-service and order-service write (their tests assert the same text). */
    @Test
    void reconciliationReadsTheCatalogAndTheOrdersInCanonicalRows() throws Exception {
        long pen = createProduct("Canon pen", "1.1", 10);
        String order = read(mvc.perform(asMember(12, post("/orders"))
                        .content("{\"items\":[{\"productId\":" + pen + ",\"quantity\":2}]}"))
                .andExpect(status().isCreated()).andReturn()).path("id").asText();
        String service = "Bearer " + TOKENS.service("release-control");

        mvc.perform(get("/internal/reconciliation/catalog/rows?bucket=" + pen / 1000).header("Authorization", service))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + pen + "')].row").value("Canon pen|1.10|8|true"));
        mvc.perform(get("/internal/reconciliation/ordering/rows?bucket=" + order.substring(0, 2))
                        .header("Authorization", service)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + order + "')].row").value("CONFIRMED|" + pen + "x2"));
        mvc.perform(get("/internal/reconciliation/ordering").header("Authorization", service))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows").isNumber());
        // The lag alone (the flip gate's and the console's question): nothing published here, so the order waits.
        mvc.perform(get("/internal/reconciliation/ordering/lag").header("Authorization", service))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dataset").value("ordering"))
                .andExpect(jsonPath("$.outboxLagSeconds").value(org.hamcrest.Matchers.greaterThanOrEqualTo(0.0)))
                .andExpect(jsonPath("$.parkedDeadLetters").isNumber());
        mvc.perform(get("/internal/reconciliation/ordering/lag").header("Authorization", "Bearer "
                + TOKENS.member(12))).andExpect(status().isForbidden());
    }

    /**
     * Holding the catalog, the shop publishes the products release-control names as they are here (the endpoint every
     * side serves); a repair from the new side is taken whatever the edit counts, its stock corrected, not set.
     */
    @Test
    void repairsArePublishedOnRequestAndTakenFromTheNewSide() throws Exception {
        long lamp = createProduct("Repair lamp", "20", 7);
        String service = "Bearer " + TOKENS.service("release-control");
        mvc.perform(post("/internal/reconciliation/catalog/repairs").header("Authorization", service)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rows\":[{\"id\":\"" + lamp + "\","
                                + "\"holderRow\":\"Repair lamp|20.00|7|true\",\"otherRow\":\"Lamp|20.00|9|true\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.published[0]").value(Long.toString(lamp)));
        assertThat(types(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(lamp))).endsWith("ProductRepair");
        JsonNode repair = lastPayload(MigrationTopics.CATALOG_FROM_LEGACY, Long.toString(lamp));
        assertThat(repair.path("stockCorrection").asInt()).isEqualTo(-2);
        assertThat(repair.path("name").asText()).isEqualTo("Repair lamp");
        mvc.perform(post("/internal/reconciliation/catalog/repairs").header("Authorization", service)
                .contentType(MediaType.APPLICATION_JSON).content("{\"rows\":[]}")).andExpect(status().isBadRequest());
        mvc.perform(post("/internal/reconciliation/ordering/repairs").header("Authorization", service)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rows\":[{\"id\":\"ab\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.notPublished.ab").value("not here"));
        mvc.perform(post("/internal/reconciliation/nothing/repairs").header("Authorization", service)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rows\":[{\"id\":\"ab\"}]}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/internal/reconciliation/catalog/repairs").header("Authorization", "Bearer "
                        + TOKENS.member(12)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rows\":[{\"id\":\"" + lamp + "\"}]}")).andExpect(status().isForbidden());

        // The other way: the new side holds the catalog and repairs this copy (a newer edit count here loses).
        newSide.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_NEW, "ProductRepair", "" + lamp,
                "{\"productId\":" + lamp + ",\"name\":\"Lamp\",\"price\":21.00,\"stock\":9,\"active\":true,"
                        + "\"updatedAt\":\"2026-01-02T10:00:00Z\",\"editVersion\":0,\"stockCorrection\":2}"));
        mvc.perform(get("/products/" + lamp)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Lamp")).andExpect(jsonPath("$.stock").value(9));
    }

    private long createProduct(String name, String price, int stock) throws Exception {
        return read(mvc.perform(asAdmin(post("/products"))
                        .content("{\"name\":\"" + name + "\",\"price\":" + price + ",\"stock\":" + stock + "}"))
                .andExpect(status().isCreated()).andReturn()).path("id").asLong();
    }

    private int stock(long productId) {
        return jdbc.queryForObject("SELECT stock FROM product WHERE id = ?", Integer.class, productId);
    }

    private List<String> types(String topic, String key) {
        return TestMessages.outbox(jdbc, topic).stream().filter(m -> m.key.equals(key)).map(m -> m.type)
                .collect(Collectors.toList());
    }

    private JsonNode lastPayload(String topic, String key) throws Exception {
        List<TestMessages.Sent> sent = TestMessages.outbox(jdbc, topic).stream().filter(m -> m.key.equals(key))
                .collect(Collectors.toList());
        return json.readTree(sent.get(sent.size() - 1).payload);
    }

    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static MockHttpServletRequestBuilder asMember(long member, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + TOKENS.member(member))
                .contentType(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + TOKENS.admin(1)).contentType(MediaType.APPLICATION_JSON);
    }

    /** order-service's snapshot of a member's order (its other fields given as JSON members) on the sync topic. */
    private void copyFromNewSide(String orderId, long memberId, String fields) {
        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "OrderSnapshot", orderId,
                "{\"orderId\":\"" + orderId + "\",\"memberId\":" + memberId + "," + fields + "}"));
    }
}

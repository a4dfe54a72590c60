package dev.msakit.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.legacy.sync.NewSideChanges;
import dev.msakit.platform.testing.TestJwtConfiguration;
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

import static dev.msakit.platform.testing.TestJwtConfiguration.TOKENS;
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
                        + "\"updatedAt\":\"2026-01-01T10:00:00Z\"}"));
        var sale = TestMessages.message(MigrationTopics.CATALOG_FROM_NEW, "StockAdjusted", "41",
                "{\"productId\":41,\"delta\":-5}");
        newSide.onChange(sale);
        newSide.onChange(sale);
        // An edit older than what the shop has changes nothing.
        newSide.onChange(TestMessages.message(MigrationTopics.CATALOG_FROM_NEW, "ProductSnapshot", "41",
                "{\"productId\":41,\"name\":\"Old pen\",\"price\":0.90,\"stock\":99,\"active\":true,"
                        + "\"updatedAt\":\"2025-12-31T10:00:00Z\"}"));

        mvc.perform(get("/products/41")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Pen")).andExpect(jsonPath("$.stock").value(15));
        // Nothing it applied goes back to the new side.
        assertThat(types(MigrationTopics.CATALOG_FROM_LEGACY, "41")).isEmpty();
    }

    @Test
    void keepsCopiesOfTheNewSidesOrdersAndAsksItToCancelThem() throws Exception {
        String orderId = UUID.randomUUID().toString();
        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "OrderSnapshot", orderId,
                "{\"orderId\":\"" + orderId + "\",\"memberId\":7,\"status\":\"CONFIRMED\",\"total\":2.20,"
                        + "\"createdAt\":\"2026-01-01T10:00:00Z\",\"version\":1,\"lines\":[{\"productId\":41,"
                        + "\"productName\":\"Pen\",\"unitPrice\":1.10,\"quantity\":2}]}"));
        newSide.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_NEW, "OrderSnapshot", orderId,
                "{\"orderId\":\"" + orderId + "\",\"memberId\":7,\"status\":\"PENDING\","
                        + "\"createdAt\":\"2026-01-01T10:00:00Z\",\"version\":0,\"lines\":[{\"productId\":41,"
                        + "\"quantity\":2}]}"));

        mvc.perform(asMember(7, get("/orders"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id=='" + orderId + "')].status").value("CONFIRMED"));
        mvc.perform(asMember(7, post("/orders/" + orderId + "/cancel"))).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CONFIRMED"));

        assertThat(types(MigrationTopics.ORDERS_FROM_LEGACY, orderId)).containsExactly("CancelOrder");
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
}

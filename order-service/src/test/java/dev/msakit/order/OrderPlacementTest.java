package dev.msakit.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.stock.StockTopics;
import dev.msakit.order.domain.OrderRepository;
import dev.msakit.order.saga.StockReplyListener;
import dev.msakit.platform.testing.TestMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP side of placing an order, against a WireMock product-service catalog (service token) and a real
 * PostgreSQL, without a broker: what the outbox holds is what the relay would publish, and replies are handed to the
 * listener as the broker would deliver them.
 */
class OrderPlacementTest extends OrderServiceContext {

    private static final String ORDER = "{\"items\":[{\"productId\":1,\"quantity\":2},{\"productId\":2,\"quantity\":1}]}";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private OrderRepository orders;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private StockReplyListener replies;
    @Autowired
    private ObjectMapper json;

    @Test
    void aBurstOfOrdersWaitsLongerForAPooledConnectionThanThePlatformsTwoSeconds() throws Exception {
        // 200 orders at once shared the pool with the saga's listeners; one waited past 2 s and got a 503 (SagaIT).
        assertThat(jdbc.getDataSource().unwrap(com.zaxxer.hikari.HikariDataSource.class).getConnectionTimeout())
                .isEqualTo(4_000);
    }

    @Test
    void acceptsTheOrderPendingWithItsLocationAndCommandsItsStockInTheSameTransaction() throws Exception {
        MockHttpServletResponse response = place(ORDER, TOKENS.member(5)).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse();
        String id = json.readTree(response.getContentAsString()).get("id").asText();
        assertThat(response.getHeader("Location")).isEqualTo("/orders/" + id);

        verify(getRequestedFor(urlPathEqualTo("/internal/catalog"))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN)));
        List<TestMessages.Sent> commands = commandsFor(id);
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).type).isEqualTo("ReserveStock");
        assertThat(json.readTree(commands.get(0).payload)).isEqualTo(json.readTree("{\"orderId\":\"" + id
                + "\",\"items\":[{\"productId\":1,\"quantity\":2},{\"productId\":2,\"quantity\":1}]}"));

        mvc.perform(authorized(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/orders/" + id), TOKENS.member(5))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
    }

    @Test
    void theLocationThroughTheGatewayCarriesItsPrefixAndOnlyAPathPrefix() throws Exception {
        String location = mvc.perform(post(ORDER, TOKENS.member(6)).header("X-Forwarded-Prefix", "/api"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        assertThat(location).matches("/api/orders/[0-9a-f-]{36}");
        String forged = mvc.perform(post(ORDER, TOKENS.member(6))
                        .header("X-Forwarded-Prefix", "https://evil.example/x"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        assertThat(forged).startsWith("/orders/");
    }

    @Test
    void preferWaitAnswersWithTheFinalStateWhenTheSagaEndsInTime() throws Exception {
        // The reply arrives while the request waits: as soon as the consumer commits, the request answers.
        CompletableFuture<Void> reply = CompletableFuture.runAsync(() -> {
            String id = awaitCommandOf(20);
            replies.onReply(TestMessages.message(StockTopics.REPLIES, "StockReserved", id, "{\"orderId\":\"" + id
                    + "\",\"lines\":[{\"productId\":1,\"productName\":\"Pen\",\"unitPrice\":1.10,\"quantity\":2},"
                    + "{\"productId\":2,\"productName\":\"Ink\",\"unitPrice\":10.00,\"quantity\":1}]}"));
        });
        long started = System.nanoTime();
        mvc.perform(post(ORDER, TOKENS.member(20)).header("Prefer", "respond-async, wait=5"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Preference-Applied", "wait=5"))
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.total").value(12.20))
                .andExpect(jsonPath("$.items[0].productName").value("Pen"));
        reply.get();
        assertThat((System.nanoTime() - started) / 1_000_000).as("answered on the reply, not at the 5 s bound")
                .isLessThan(4_000);
    }

    @Test
    void preferWaitGivesUpAtItsBoundAndAnUnreadablePreferenceIsIgnored() throws Exception {
        long started = System.nanoTime();
        place(ORDER, TOKENS.member(21), "wait=1").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"));
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(900L, 3_000L);

        started = System.nanoTime();
        place(ORDER, TOKENS.member(21), "wait=soon").andExpect(status().isAccepted())
                .andExpect(header().doesNotExist("Preference-Applied"));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(900L);
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameOrderAndADifferentOrderUnderItIsRefused() throws Exception {
        String first = place(ORDER, TOKENS.member(30), null, "checkout-30-a")
                .andExpect(status().isAccepted()).andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andReturn().getResponse().getContentAsString();
        String again = place("{\"items\":[{\"productId\":2,\"quantity\":1},{\"productId\":1,\"quantity\":2}]}",
                TOKENS.member(30), null, "checkout-30-a")
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(again).get("id")).isEqualTo(json.readTree(first).get("id"));

        place("{\"items\":[{\"productId\":1,\"quantity\":3}]}", TOKENS.member(30), null, "checkout-30-a")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", containsString("Idempotency-Key")));
        // Keys are per member: another member's identical key is another order.
        String other = place(ORDER, TOKENS.member(31), null, "checkout-30-a").andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(other).get("id")).isNotEqualTo(json.readTree(first).get("id"));
        assertThat(ordersOf(30)).isEqualTo(1);
        assertThat(commandsFor(json.readTree(first).get("id").asText())).hasSize(1);
    }

    @Test
    void tenConcurrentRetriesWithOneKeyMakeOneOrder() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(clients.submit(() -> place(ORDER, TOKENS.member(32), null, "retry-32")
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> answer : answers) {
            ids.add(json.readTree(answer.get()).get("id").asText());
        }
        clients.shutdown();
        assertThat(ids).hasSize(10).containsOnly(ids.get(0));
        assertThat(ordersOf(32)).isEqualTo(1);
        assertThat(commandsFor(ids.get(0))).hasSize(1);
    }

    @Test
    void anUnusableIdempotencyKeyIsABadRequest() throws Exception {
        place(ORDER, TOKENS.member(33), null, "x".repeat(256)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Idempotency-Key")));
        place(ORDER, TOKENS.member(33), null, "has space").andExpect(status().isBadRequest());
        assertThat(ordersOf(33)).isZero();
    }

    @Test
    void aProductNotOnSaleIsTheClientsProblemAndNoOrderIsWritten() throws Exception {
        place("{\"items\":[{\"productId\":1,\"quantity\":1},{\"productId\":99,\"quantity\":1}]}", TOKENS.member(8))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Product 99 does not exist"));
        assertThat(ordersOf(8)).isZero();
    }

    @Test
    void aFailingCatalogGives503AndWritesNoOrder() throws Exception {
        stubFor(get(urlPathEqualTo("/internal/catalog")).willReturn(aResponse().withStatus(500)));
        place(ORDER, TOKENS.member(9)).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail", containsString("product-service")));
        assertThat(ordersOf(9)).isZero();
    }

    @Test
    void aSlowCatalogIsCutOffAtTheConfiguredTimeout() throws Exception {
        stubFor(get(urlPathEqualTo("/internal/catalog")).willReturn(okJson(CATALOG).withFixedDelay(5000)));
        long started = System.nanoTime();
        place(ORDER, TOKENS.member(10)).andExpect(status().isServiceUnavailable());
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4000);
        assertThat(ordersOf(10)).isZero();
    }

    @Test
    void rejectsBadInputWithReasons() throws Exception {
        place("{\"items\":[{\"productId\":1,\"quantity\":-3}]}", TOKENS.member(12))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("quantity")));
        place("{\"items\":[]}", TOKENS.member(12)).andExpect(status().isBadRequest());
        place("{\"items\":[{\"productId\":1,\"quantity\":1},{\"productId\":1,\"quantity\":2}]}", TOKENS.member(12))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("only once")));
        place("{\"items\":[{\"productId\":\"one\",\"quantity\":1}]}", TOKENS.member(12))
                .andExpect(status().isBadRequest());
        mvc.perform(authorized(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/orders/not-a-uuid"), TOKENS.member(12))).andExpect(status().isBadRequest());
        assertThat(ordersOf(12)).isZero();
    }

    /** What an OpenAPI tool sees: the service's name, the bearer scheme, the real headers, no token parameter. */
    @Test
    void theApiDocumentDescribesWhatAClientSendsAndNothingElse() throws Exception {
        com.fasterxml.jackson.databind.JsonNode doc = json.readTree(mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(doc.path("info").path("title").asText()).isEqualTo("order-service");
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(doc.path("security").toString()).contains("bearer");
        com.fasterxml.jackson.databind.JsonNode place = doc.path("paths").path("/orders").path("post");
        assertThat(place.path("parameters").findValuesAsText("name"))
                .contains("Idempotency-Key", "Prefer").doesNotContain("jwt");
        assertThat(doc.path("paths").path("/orders/{id}/cancel").path("post").has("requestBody"))
                .as("no Jwt body on cancel").isFalse();
        assertThat(doc.path("paths").has("/error")).isFalse();
    }

    @Test
    void refusesMissingOrForgedTokens() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/orders")
                        .contentType(MediaType.APPLICATION_JSON).content(ORDER))
                .andExpect(status().isUnauthorized());
        place(ORDER, TOKENS.expired(1)).andExpect(status().isUnauthorized());
        place(ORDER, dev.msakit.platform.testing.jwt.TestTokens.hmacSigned(1)).andExpect(status().isUnauthorized());
    }

    private ResultActions place(String body, String token) throws Exception {
        return place(body, token, null, null);
    }

    private ResultActions place(String body, String token, String prefer) throws Exception {
        return place(body, token, prefer, null);
    }

    private ResultActions place(String body, String token, String prefer, String idempotencyKey) throws Exception {
        MockHttpServletRequestBuilder request = post(body, token);
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    private static MockHttpServletRequestBuilder post(String body, String token) {
        return authorized(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/orders"), token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private List<TestMessages.Sent> commandsFor(String orderId) {
        List<TestMessages.Sent> all = new ArrayList<>(TestMessages.outbox(jdbc, StockTopics.COMMANDS));
        all.removeIf(m -> !m.key.equals(orderId));
        return all;
    }

    private long ordersOf(long memberId) {
        return orders.findAll().stream().filter(o -> o.getMemberId() == memberId).count();
    }

    /** The id of the member's order once its command is in the outbox. */
    private String awaitCommandOf(long memberId) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> orders.findAll().stream().filter(o -> o.getMemberId() == memberId)
                        .map(o -> o.getId()).findFirst().orElse(null), id -> id != null);
    }
}

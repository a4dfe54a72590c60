package dev.msakit.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.order.domain.OrderRepository;
import dev.msakit.order.domain.OrderStatus;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.platform.testing.TestJwtConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.contract.wiremock.AutoConfigureWireMock;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.msakit.platform.testing.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** order-service against a WireMock product-service and member-service (service token), over real HTTP. */
@SpringBootTest(properties = {
        "ribbon.eureka.enabled=false",
        "product-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        "member-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        "ORDER_SERVICE_CLIENT_SECRET=test-secret",
        "PRODUCT_READ_TIMEOUT_MS=600",
        "order.reconcile.interval-ms=200"})
@AutoConfigureWireMock(port = 0)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class OrderPlacementTest {

    private static final String SERVICE_TOKEN = TOKENS.service("order-service");
    private static final String ORDER = "{\"items\":[{\"productId\":1,\"quantity\":2},{\"productId\":2,\"quantity\":1}]}";
    /** product-service's answer to ORDER: both items reserved, at these prices. */
    private static final String RESERVED = "{\"status\":\"RESERVED\",\"lines\":["
            + "{\"productId\":1,\"productName\":\"Pen\",\"unitPrice\":1.10,\"quantity\":2},"
            + "{\"productId\":2,\"productName\":\"Ink\",\"unitPrice\":10.00,\"quantity\":1}]}";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private OrderRepository orders;
    @Autowired
    private ObjectMapper json;

    @BeforeEach
    void serviceTokenIsIssued() {
        stubFor(post(urlEqualTo("/auth/service-token"))
                .withRequestBody(matchingJsonPath("$.clientSecret", equalTo("test-secret")))
                .willReturn(okJson("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"expires_in\":900}")));
    }

    @Test
    void placesOrderWithReservedPricesAndExactTotal() throws Exception {
        stubFor(post(urlEqualTo("/internal/reservations")).willReturn(okJson(RESERVED)));

        String body = place(ORDER, TOKENS.member(5)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(content().string(containsString("\"total\":12.20")))
                .andExpect(jsonPath("$.items[0].productName").value("Pen"))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();

        verify(postRequestedFor(urlEqualTo("/internal/reservations"))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .withRequestBody(matchingJsonPath("$.orderId", equalTo(id))));
        mvc.perform(get("/orders/" + id).header("Authorization", "Bearer " + TOKENS.member(5)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"));
        mvc.perform(get("/orders").header("Authorization", "Bearer " + TOKENS.member(5)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[0].id").value(id));
    }

    @Test
    void failingProductServiceGives503AndReleasesWhateverWasTaken() throws Exception {
        stubFor(post(urlEqualTo("/internal/reservations")).willReturn(aResponse().withStatus(500)));
        stubFor(post(urlPathMatching("/internal/reservations/.*/release")).willReturn(okJson("{\"status\":\"RELEASED\"}")));

        place(ORDER, TOKENS.member(6)).andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("product-service")));

        PurchaseOrder failed = onlyOrderOf(6);
        assertThat(failed.getStatus()).isEqualTo(OrderStatus.FAILED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            verify(postRequestedFor(urlEqualTo("/internal/reservations/" + failed.getId() + "/release")));
            assertThat(orders.findById(failed.getId()).orElseThrow().isReleasePending()).isFalse();
        });
    }

    @Test
    void slowProductServiceIsCutOffAtTheConfiguredTimeout() throws Exception {
        stubFor(post(urlEqualTo("/internal/reservations")).willReturn(okJson("{\"lines\":[]}").withFixedDelay(5000)));

        long started = System.nanoTime();
        place(ORDER, TOKENS.member(7)).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail", containsString("product-service")));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(elapsedMs).isLessThan(4000);
        assertThat(onlyOrderOf(7).getStatus()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void stockConflictIsPassedOnAsTheClientsProblem() throws Exception {
        stubFor(post(urlEqualTo("/internal/reservations")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"detail\":\"Not enough stock of product 1 for quantity 2\"}")));

        place(ORDER, TOKENS.member(8)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Not enough stock of product 1 for quantity 2"));
        assertThat(onlyOrderOf(8).getStatus()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void anotherMembersOrderIsNotFound() throws Exception {
        stubFor(post(urlEqualTo("/internal/reservations")).willReturn(okJson(RESERVED)));
        String body = place(ORDER, TOKENS.member(9)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();

        mvc.perform(get("/orders/" + id).header("Authorization", "Bearer " + TOKENS.member(10)))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/orders/" + id + "/cancel").header("Authorization", "Bearer " + TOKENS.member(10)))
                .andExpect(status().isNotFound());
    }

    @Test
    void cancelReleasesStock() throws Exception {
        stubFor(post(urlEqualTo("/internal/reservations")).willReturn(okJson(RESERVED)));
        stubFor(post(urlPathMatching("/internal/reservations/.*/release")).willReturn(okJson("{\"status\":\"RELEASED\"}")));
        String body = place(ORDER, TOKENS.member(11)).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/orders/" + id + "/cancel").header("Authorization", "Bearer " + TOKENS.member(11)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        // The reconciler may race the cancel to the same release: harmless, release is idempotent per order.
        verify(moreThanOrExactly(1), postRequestedFor(urlEqualTo("/internal/reservations/" + id + "/release")));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(orders.findById(id).orElseThrow().isReleasePending()).isFalse());
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
        mvc.perform(get("/orders/not-a-uuid").header("Authorization", "Bearer " + TOKENS.member(12)))
                .andExpect(status().isBadRequest());
        assertThat(orders.findAll()).noneMatch(o -> o.getMemberId() == 12);
    }

    @Test
    void refusesMissingOrForgedTokens() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/orders")
                        .contentType(MediaType.APPLICATION_JSON).content(ORDER))
                .andExpect(status().isUnauthorized());
        place(ORDER, TOKENS.expired(1)).andExpect(status().isUnauthorized());
        place(ORDER, dev.msakit.platform.testing.TestTokens.hmacSigned(1)).andExpect(status().isUnauthorized());
    }

    private ResultActions place(String body, String token) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/orders")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private PurchaseOrder onlyOrderOf(long memberId) {
        return orders.findAll().stream().filter(o -> o.getMemberId() == memberId).findFirst().orElseThrow();
    }
}

package dev.msakit.order;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.concurrent.SettableListenableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/**
 * One Spring context for all of order-service's tests (Ribbon's settings are static, so a second context with
 * other servers would not see its own): a real PostgreSQL, WireMock as member-service (service tokens) and
 * product-service (the catalog), and no broker; the Kafka template is a mock that acknowledges, which only dead
 * letters reach (the relay is off in tests).
 */
@SpringBootTest(properties = {
        "ribbon.eureka.enabled=false",
        "ORDER_SERVICE_CLIENT_SECRET=test-secret",
        "PRODUCT_READ_TIMEOUT_MS=600",
        "order.saga.timeout=2s",
        "order.saga.check-interval-ms=200",
        "platform.messaging.consumer.retry-backoff=10ms"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
public abstract class OrderServiceContext {

    /**
     * product- and member-service, for every test class of this context: started once per JVM rather than by
     * {@code @AutoConfigureWireMock}, which stops and restarts its server on the same port after each test class and
     * now and then finds the port not yet free (a class error unrelated to the test).
     */
    private static final WireMockServer SERVICES = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        SERVICES.start();
        WireMock.configureFor("localhost", SERVICES.port());
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("product-service.ribbon.listOfServers", () -> "localhost:" + SERVICES.port());
        registry.add("member-service.ribbon.listOfServers", () -> "localhost:" + SERVICES.port());
    }

    protected static final String SERVICE_TOKEN = TOKENS.service("order-service");
    protected static final String CATALOG = "[{\"id\":1,\"name\":\"Pen\",\"price\":1.10},"
            + "{\"id\":2,\"name\":\"Ink\",\"price\":10.00}]";

    /** Replaces Boot's template by name: a dead letter is published (and acknowledged) without a broker. */
    @MockBean(name = "kafkaTemplate")
    protected KafkaTemplate<Object, Object> kafka;

    @BeforeEach
    void productServiceAndTheBrokerAnswer() {
        // Each test starts from these stubs alone, with an empty request journal.
        WireMock.reset();
        stubFor(post(urlEqualTo("/auth/service-token"))
                .withRequestBody(matchingJsonPath("$.clientSecret", equalTo("test-secret")))
                .willReturn(okJson("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"expires_in\":900}")));
        stubFor(get(urlPathEqualTo("/internal/catalog")).willReturn(okJson(CATALOG)));
        SettableListenableFuture<SendResult<Object, Object>> acknowledged = new SettableListenableFuture<>();
        acknowledged.set(null);
        when(kafka.send(any(org.apache.kafka.clients.producer.ProducerRecord.class))).thenReturn(acknowledged);
    }
}

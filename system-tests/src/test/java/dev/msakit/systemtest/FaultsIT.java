package dev.msakit.systemtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One fault at a time against the running suite, each undone before the next: what a client sees while a whole
 * service is gone, and while the registry is gone. (An instance killed under load is in CoreSuiteIT; a restart of
 * everything in WholeSuiteRestartIT.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SuiteExtension.class)
class FaultsIT {

    private static final String RESERVE_COMMAND = "ProductClient#reserve(ReservationCommand)";

    private Suite suite;
    private Scenario scenario;
    private String api;
    private String memberToken;
    private long productId;

    @BeforeAll
    void prepare(Suite suite) {
        this.suite = suite;
        scenario = new Scenario(suite);
        api = suite.gatewayUrl() + "/api";
        memberToken = scenario.newMemberToken();
        productId = scenario.newProduct(scenario.adminToken(), 100);
        scenario.order(memberToken, productId);
    }

    @Test
    @Order(1)
    void withProductServiceGoneOrdersFailFastTheCircuitOpensAndOtherRoutesAnswer() throws Exception {
        suite.product2.stop();
        suite.product1.stop();
        suite.awaitRegistered("PRODUCT-SERVICE", 0);

        // Enough failed reservations in Hystrix's 10 s window (20 at least, all failing) to open the circuit.
        for (int i = 0; i < 25; i++) {
            long started = System.nanoTime();
            Http.Response refused = Http.post(api + "/orders", memberToken, orderOf(1));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(refused.status).as(refused.body).isEqualTo(503);
            assertThat(refused.contentType).startsWith("application/problem+json");
            assertThat(refused.body).contains("product-service");
            // Nothing to wait for when no instance is registered: far below the 6.5 s reservation bound.
            assertThat(millis).as("fail fast").isLessThan(5_000);
        }
        assertThat(Http.streamContains(suite.order.url() + "/actuator/hystrix.stream",
                "\"isCircuitBreakerOpen\":true", Duration.ofSeconds(20)))
                .as("the reservation circuit is open in order-service's hystrix.stream").isTrue();

        // The gateway answers for the missing service itself, and every other route keeps working.
        Http.Response catalog = Http.get(api + "/products/" + productId, null);
        assertThat(catalog.status).isEqualTo(503);
        assertThat(catalog.body).contains("product-service");
        assertThat(Http.get(api + "/members/me", memberToken).status).isEqualTo(200);
        Http.Response orders = Http.get(api + "/orders", memberToken);
        assertThat(orders.status).isEqualTo(200);
        assertThat(orders.json().path("content").findValuesAsText("status")).contains("FAILED");

        suite.product1 = suite.restart(suite.product1, "product-service");
        suite.product2 = suite.restart(suite.product2, "product-service");
        suite.awaitRegistered("PRODUCT-SERVICE", 2);

        // Without restarting anything else: the circuit lets a trial call through and closes on its success.
        Http.Response accepted = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Http.post(api + "/orders", memberToken, orderOf(1)), r -> r.status == 201);
        assertThat(accepted.json().path("status").asText()).isEqualTo("CONFIRMED");
        // The 25 refused orders took no stock: 100 - the order before - the order after.
        assertThat(Http.get(api + "/products/" + productId, null).json().path("stock").asInt()).isEqualTo(98);
    }

    @Test
    @Order(2)
    void withTheRegistryGoneServicesCallEachOtherFromTheirCachedRegistry() throws Exception {
        suite.eureka.stop();

        // Every call goes gateway -> service (-> product-service): all from the copies of the registry they hold.
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int orders = 0;
        while (System.nanoTime() < until) {
            assertThat(scenario.order(memberToken, productId).json().path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(Http.get(api + "/products/" + productId, null).status).isEqualTo(200);
            assertThat(Http.get(api + "/members/me", memberToken).status).isEqualTo(200);
            orders++;
        }
        assertThat(orders).isPositive();

        suite.eureka = suite.restart(suite.eureka, "eureka-server");
        // Each client finds its registration gone at its next heartbeat and registers again.
        for (String app : List.of("MEMBER-SERVICE", "ORDER-SERVICE", "ZUUL-GATEWAY", "TURBINE", "HYSTRIX-DASHBOARD",
                "ADMIN-SERVER")) {
            suite.awaitRegistered(app, 1);
        }
        suite.awaitRegistered("PRODUCT-SERVICE", 2);
        assertThat(scenario.order(memberToken, productId).json().path("status").asText()).isEqualTo("CONFIRMED");
    }

    private String orderOf(int quantity) {
        return "{\"items\":[{\"productId\":" + productId + ",\"quantity\":" + quantity + "}]}";
    }
}

package dev.msakit.systemtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One fault at a time against the running suite, each undone before the next: what a client sees while a whole
 * service is gone, while it is slow (Chaos Monkey latency), and while the registry is gone. (An instance killed under load is in CoreSuiteIT; a restart of
 * everything in WholeSuiteRestartIT.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SuiteExtension.class)
class FaultsIT {

    private static final int STOCK = 1_000_000;
    private static final int SLOW_MS = 5_000;

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
        productId = scenario.newProduct(scenario.adminToken(), STOCK);
        scenario.order(memberToken, productId);
    }

    @Test
    @Order(1)
    void withProductServiceGoneOrdersFailFastTheCircuitOpensAndOtherRoutesAnswer() throws Exception {
        int ordersBefore = Http.get(api + "/orders?size=100", memberToken).json().path("content").size();
        suite.product2.stop();
        suite.product1.stop();
        suite.awaitRegistered("PRODUCT-SERVICE", 0);

        // Enough failed catalog lookups in Hystrix's 10 s window (20 at least, all failing) to open the circuit.
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
                .as("the catalog circuit is open in order-service's hystrix.stream").isTrue();

        // The gateway answers for the missing service itself, and every other route keeps working.
        Http.Response catalog = Http.get(api + "/products/" + productId, null);
        assertThat(catalog.status).isEqualTo(503);
        assertThat(catalog.body).contains("product-service");
        assertThat(Http.get(api + "/members/me", memberToken).status).isEqualTo(200);
        Http.Response orders = Http.get(api + "/orders?size=100", memberToken);
        assertThat(orders.status).isEqualTo(200);
        assertThat(orders.json().path("content").size()).as("refused orders are not written").isEqualTo(ordersBefore);

        List<SuiteProcess> back = suite.restartTogether("product-service", List.of(suite.product1, suite.product2));
        suite.product1 = back.get(0);
        suite.product2 = back.get(1);
        suite.awaitRegistered("PRODUCT-SERVICE", 2);

        // Without restarting anything else: the circuit lets a trial call through and closes on its success.
        assertThat(orderConfirmedOnceServing()).isEqualTo("CONFIRMED");
        // The 25 refused orders took no stock: only the order before and the order after did.
        assertThat(scenario.stock(productId)).isEqualTo(STOCK - 2);
    }

    @Test
    @Order(2)
    void aSlowProductServiceIsCutOffAtItsBoundAndOtherRoutesKeepTheirLatency() throws Exception {
        int stockBefore = scenario.stock(productId);
        try {
            for (SuiteProcess product : List.of(suite.product1, suite.product2)) {
                chaos(product, "/assaults", "{\"level\":1,\"latencyActive\":true,"
                        + "\"latencyRangeStart\":" + SLOW_MS + ",\"latencyRangeEnd\":" + SLOW_MS + "}");
                chaos(product, "/enable", null);
            }

            // Placing an order: order-service's catalog lookup gives up on product-service after its Ribbon read
            // timeout (2 s, on each of the two instances) and answers 503 well inside its Hystrix bound of 6.5 s.
            long started = System.nanoTime();
            Http.Response refused = Http.post(api + "/orders", memberToken, orderOf(1));
            long orderMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(refused.status).as(refused.body).isEqualTo(503);
            assertThat(refused.body).contains("product-service");
            System.out.printf("FAULTS slow product-service: the order refused after %d ms%n", orderMillis);
            // Two read timeouts of 2 s (one per instance), and never past the Hystrix bound (6.5 s, plus the answer).
            assertThat(orderMillis).as("cut at the bound, not after the 5 s delay").isBetween(3_800L, 6_800L);

            // Bulkheads: 30 catalog reads hang on the slow service at the same time...
            ExecutorService clients = Executors.newFixedThreadPool(30);
            List<Future<Http.Response>> slowReads = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                slowReads.add(clients.submit(() -> Http.get(api + "/products/" + productId, null)));
            }
            Thread.sleep(1_000);
            // ...while members and order lists, which do not need product-service, answer as fast as ever.
            for (int i = 0; i < 10; i++) {
                long t = System.nanoTime();
                assertThat(Http.get(api + "/members/me", memberToken).status).isEqualTo(200);
                assertThat(Http.get(api + "/orders", memberToken).status).isEqualTo(200);
                assertThat((System.nanoTime() - t) / 1_000_000).as("two unrelated calls").isLessThan(1_000L);
            }
            for (Future<Http.Response> read : slowReads) {
                // Cut by the gateway's own bound (Hystrix 12.5 s), answered by its fallback.
                Http.Response response = read.get(20, TimeUnit.SECONDS);
                assertThat(response.status).as(response.body).isIn(503, 504);
            }
            clients.shutdown();
        } finally {
            for (SuiteProcess product : List.of(suite.product1, suite.product2)) {
                chaos(product, "/disable", null);
            }
        }
        // Fast again; the refused order was never written, so it took nothing.
        assertThat(orderConfirmedOnceServing()).isEqualTo("CONFIRMED");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(scenario.stock(productId)).isEqualTo(stockBefore - 1));
    }

    @Test
    @Order(3)
    void withTheRegistryGoneServicesCallEachOtherFromTheirCachedRegistry() throws Exception {
        // A client keeps calling through everything below: registry down, back up empty, everyone re-registering.
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService client = Executors.newSingleThreadExecutor();
        Future<?> load = client.submit(() -> {
            while (running.get()) {
                // gateway -> order-service -> product-service, gateway -> product-service, gateway -> member-service
                check(failures, Http.placeOrder(api + "/orders", memberToken, orderOf(1)), 201);
                check(failures, Http.get(api + "/products/" + productId, null), 200);
                check(failures, Http.get(api + "/members/me", memberToken), 200);
                calls.addAndGet(3);
            }
        });
        try {
            suite.eureka.stop();
            Thread.sleep(15_000);
            int whileDown = calls.get();

            suite.eureka = suite.restart(suite.eureka, "eureka-server");
            // Each client finds its registration gone at its next heartbeat and registers again.
            for (String app : List.of("MEMBER-SERVICE", "ORDER-SERVICE", "ZUUL-GATEWAY", "TURBINE",
                    "HYSTRIX-DASHBOARD", "ADMIN-SERVER")) {
                suite.awaitRegistered(app, 1);
            }
            suite.awaitRegistered("PRODUCT-SERVICE", 2);
            // And every client's next registry read sees them all again (the load goes on through two).
            Thread.sleep(2 * Suite.REGISTRY_READ_INTERVAL.toMillis());
            running.set(false);
            load.get(60, TimeUnit.SECONDS);
            assertThat(whileDown).as("calls made while the registry was down").isPositive();
            assertThat(failures).as(calls.get() + " calls").isEmpty();
        } finally {
            running.set(false);
            client.shutdownNow();
        }
    }

    /**
     * Places orders until one is accepted (the catalog answers again), then waits for that one's saga: its final
     * status. Exactly one accepted order, so the stock accounting stays exact.
     */
    private String orderConfirmedOnceServing() {
        Http.Response accepted = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Http.placeOrder(api + "/orders", memberToken, orderOf(1)),
                        r -> r.status == 201 || r.status == 202);
        String id = accepted.json().path("id").asText();
        return scenario.finalStatuses(memberToken, List.of(id), Duration.ofSeconds(60)).keySet().iterator().next();
    }

    private static void check(List<String> failures, Http.Response response, int expected) {
        if (response.status != expected) {
            failures.add(response.status + " " + response.body);
        }
    }

    private void chaos(SuiteProcess product, String operation, String json) {
        Http.Response response = Http.postBasic(product.url() + "/actuator/chaosmonkey" + operation,
                Suite.ACTUATOR_USER, Suite.ACTUATOR_PASSWORD, json);
        assertThat(response.status).as(operation + ": " + response.body).isEqualTo(200);
    }

    private String orderOf(int quantity) {
        return Scenario.orderOf(productId, quantity);
    }
}

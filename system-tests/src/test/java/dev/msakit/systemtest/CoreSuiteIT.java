package dev.msakit.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.msakit.platform.testing.jwt.TestTokens;
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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The core suite as users meet it: real jars, real Eureka and Ribbon, every call through the Zuul gateway.
 * Ordered because later steps use what earlier ones created (members, a product, an order).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SuiteExtension.class)
class CoreSuiteIT {

    private Suite suite;
    private Scenario scenario;
    private String api;

    private String aliceToken;
    private String bobToken;
    private String adminToken;
    private long productId;
    private String aliceOrderId;

    @BeforeAll
    void useSuite(Suite suite) {
        this.suite = suite;
        scenario = new Scenario(suite);
        api = suite.gatewayUrl() + "/api";
    }

    @Test
    @Order(1)
    void catalogIsPublic() {
        Http.Response response = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(api + "/products", null), r -> r.status == 200);
        assertThat(response.json().has("content")).isTrue();
    }

    @Test
    @Order(2)
    void refusesMissingAndForgedTokens() {
        assertProblem(Http.get(api + "/orders", null), 401);
        assertProblem(Http.get(api + "/orders", TestTokens.signedByStranger(1)), 401);
        assertProblem(Http.get(api + "/orders", TestTokens.unsigned(1)), 401);
        assertProblem(Http.get(api + "/orders", TestTokens.hmacSigned(1)), 401);
        assertProblem(Http.get(api + "/members/me", "not-a-token"), 401);
        // A path that never needs a token answers a wrong method with 405, not with a demand for a token.
        Http.Response wrongMethod = Http.get(api + "/auth/token", null);
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(wrongMethod.header("WWW-Authenticate")).isNull();
        assertThat(Http.delete(api + "/.well-known/jwks.json", null).header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    @Order(3)
    void badInputGetsAClearMessage() {
        Http.Response response = Http.post(api + "/members", null,
                "{\"email\":\"nobody\",\"password\":\"short\",\"name\":\"N\"}");
        assertProblem(response, 400);
        assertThat(response.json().path("detail").asText()).contains("email").contains("password");

        Http.Response broken = Http.post(api + "/members", null, "{\"email\":");
        assertProblem(broken, 400);
        assertThat(broken.body).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    @Order(4)
    void membersSignUpAndLogIn() {
        aliceToken = signUpAndLogIn("alice");
        bobToken = signUpAndLogIn("bob");
        adminToken = logIn(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);

        Http.Response me = Http.get(api + "/members/me", aliceToken);
        assertThat(me.status).isEqualTo(200);
        assertThat(me.json().path("email").asText()).startsWith("alice-");
        assertThat(me.body).doesNotContain("password");
    }

    @Test
    @Order(5)
    void adminCreatesProductMembersCannot() {
        String product = "{\"name\":\"Mechanical keyboard\",\"price\":12.50,\"stock\":10}";
        assertProblem(Http.post(api + "/products", aliceToken, product), 403);

        Http.Response created = Http.post(api + "/products", adminToken, product);
        assertThat(created.status).as(created.body).isEqualTo(201);
        productId = created.json().path("id").asLong();
        // Resolved against the request URL, the Location leads back to the product through the gateway.
        assertThat(created.location).isEqualTo("/api/products/" + productId);
        // HEAD is GET without the body, for anyone who may GET (curl -I, link checkers, caches).
        Http.Response head = Http.raw("HEAD", api + "/products/" + productId, java.util.Map.of(), null);
        assertThat(head.status).isEqualTo(200);
        assertThat(head.body).isEmpty();
        // Conditional reads through the gateway: a weak ETag (same JSON, whatever the encoding), and 304 without a
        // body while nothing changed.
        Http.Response read = Http.get(api + "/products/" + productId, null);
        String etag = read.header("ETag");
        assertThat(etag).as(read.headers.map().toString()).matches("W/\"[0-9a-f]+\"");
        Http.Response unchanged = Http.raw("GET", api + "/products/" + productId, java.util.Map.of("If-None-Match",
                etag), null);
        assertThat(unchanged.status).isEqualTo(304);
        assertThat(unchanged.body).isEmpty();
        assertThat(Http.get(api + "/products/" + productId, null).json().path("price").decimalValue())
                .isEqualByComparingTo("12.50");
    }

    @Test
    @Order(6)
    void memberOrdersListsAndReadsOwnOrder() {
        // Prefer: wait (RFC 7240): the saga over the broker ends within the wait, so the answer is its final state.
        Http.Response placed = Http.placeOrder(api + "/orders", aliceToken,
                Scenario.orderOf(productId, 3));
        assertThat(placed.status).as(placed.body).isEqualTo(201);
        assertThat(placed.location).isEqualTo("/api/orders/" + placed.json().path("id").asText());
        JsonNode order = placed.json();
        aliceOrderId = order.path("id").asText();
        assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("37.50");
        assertThat(order.path("items").get(0).path("productName").asText()).isEqualTo("Mechanical keyboard");
        assertThat(stock()).isEqualTo(7);

        Http.Response list = Http.get(api + "/orders", aliceToken);
        assertThat(list.status).isEqualTo(200);
        assertThat(list.json().path("content").get(0).path("id").asText()).isEqualTo(aliceOrderId);
        assertThat(Http.get(api + "/orders/" + aliceOrderId, aliceToken).status).isEqualTo(200);
    }

    @Test
    @Order(7)
    void anotherMembersOrderIsNotFound() {
        assertProblem(Http.get(api + "/orders/" + aliceOrderId, bobToken), 404);
        assertProblem(Http.post(api + "/orders/" + aliceOrderId + "/cancel", bobToken, null), 404);
        assertThat(Http.get(api + "/orders", bobToken).json().path("content").size()).isZero();
    }

    @Test
    @Order(8)
    void orderingMoreThanTheStockIsRejectedWithTheReasonAndTakesNothing() {
        Http.Response response = Http.placeOrder(api + "/orders", bobToken,
                Scenario.orderOf(productId, 8));
        assertThat(response.status).as(response.body).isEqualTo(201);
        assertThat(response.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(response.json().path("rejectionReason").asText())
                .isEqualTo("Not enough stock of product " + productId + " for quantity 8");
        assertThat(stock()).isEqualTo(7);
        Http.Response unknown = Http.post(api + "/orders", bobToken, "{\"items\":[{\"productId\":987654321,"
                + "\"quantity\":1}]}");
        assertProblem(unknown, 422);
        assertThat(unknown.json().path("instance").asText()).as("the client's path").isEqualTo("/api/orders");
        assertProblem(Http.post(api + "/orders", bobToken, "{\"items\":[{\"productId\":" + productId
                + ",\"quantity\":0}]}"), 400);
    }

    @Test
    @Order(9)
    void cancellingGivesTheStockBack() {
        Http.Response cancelled = Http.post(api + "/orders/" + aliceOrderId + "/cancel", aliceToken, null);
        assertThat(cancelled.status).as(cancelled.body).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        // The release travels over the broker: the stock is back moments later.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(stock()).isEqualTo(10));
    }

    @Test
    @Order(10)
    void servicesRefuseDirectCallsWithoutToken() {
        assertProblem(Http.get(suite.order.url() + "/orders", null), 401);
        assertProblem(Http.get(suite.product1.url() + "/internal/catalog?ids=" + productId, null), 401);
        // A member's (even an admin's) valid token does not open the internal catalog API: services' tokens only.
        assertProblem(Http.get(suite.product1.url() + "/internal/catalog?ids=" + productId, adminToken), 403);
        assertThat(stock()).isEqualTo(10);
    }

    @Test
    @Order(11)
    void internalAndActuatorEndpointsAreNotRouted() {
        for (String path : List.of("/products/internal/catalog?ids=1", "/internal/catalog?ids=1",
                "/products/actuator/env", "/members/actuator/health", "/auth/service-token")) {
            assertThat(Http.get(api + path, adminToken).status).as(path).isEqualTo(404);
        }
        // The gateway's own actuator is not a route: it needs the actuator account.
        assertThat(Http.get(suite.gatewayUrl() + "/actuator/env", adminToken).status).isEqualTo(401);
    }

    @Test
    @Order(12)
    void bothProductInstancesReceiveTraffic() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (int i = 0; i < 10; i++) {
                assertThat(Http.get(api + "/products/" + productId, null).status).isEqualTo(200);
            }
            return servedBy(suite.product1) > 0 && servedBy(suite.product2) > 0;
        });
    }

    @Test
    @Order(13)
    void killingTheFirstProductInstanceMidStreamFailsNoReadAndReservesNothingTwice() throws Exception {
        SuiteProcess victim = suite.product1;
        try {
            killUnderLoad(victim);
        } finally {
            suite.product1 = bringBack(victim);
        }
    }

    @Test
    @Order(14)
    void killingTheSecondProductInstanceMidStreamFailsNoReadAndReservesNothingTwice() throws Exception {
        SuiteProcess victim = suite.product2;
        try {
            killUnderLoad(victim);
        } finally {
            suite.product2 = bringBack(victim);
        }
    }

    /**
     * Steady reads and orders through the gateway while one product instance is killed (SIGKILL) mid-saga: no read
     * fails, no order is answered uncleanly, every accepted order ends CONFIRMED (the surviving instance takes over
     * the dead one's partitions and the commands it had not committed), and the stock is exact.
     */
    private void killUnderLoad(SuiteProcess victim) throws Exception {
        // Both instances serve first (one may just have been restarted by the previous test).
        for (SuiteProcess instance : List.of(suite.product1, suite.product2)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> inGatewayRotation(":" + instance.port()));
        }
        // A product of its own with plenty of stock, so that no order is refused for want of it.
        Http.Response created = Http.post(api + "/products", adminToken,
                "{\"name\":\"Kill test product\",\"price\":1.00,\"stock\":1000000}");
        assertThat(created.status).as(created.body).isEqualTo(201);
        long product = created.json().path("id").asLong();
        int stockBefore = stockOf(product);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refusedOrders = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            loops.add(clients.submit(() -> {
                while (running.get()) {
                    try {
                        Http.Response r = Http.get(api + "/products/" + product, null);
                        if (r.status == 200) {
                            ok.incrementAndGet();
                        } else {
                            failures.add(r.status + " " + r.body);
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        // Orders at the same time: each either accepted (final or still pending) or refused with a 503 problem (the
        // catalog lookup), never anything else.
        loops.add(clients.submit(() -> {
            while (running.get()) {
                Http.Response r = Http.placeOrder(api + "/orders", aliceToken,
                        Scenario.orderOf(product, 1));
                if (r.status == 201 || r.status == 202) {
                    accepted.add(r.json().path("id").asText());
                } else if (r.status == 503 && r.contentType.startsWith("application/problem+json")) {
                    refusedOrders.incrementAndGet();
                } else {
                    failures.add("order: " + r.status + " " + r.body);
                }
            }
        }));
        try {
            Thread.sleep(2_000);
            victim.kill();
            long killedAt = System.nanoTime();
            // The gateway's load balancer stops choosing the dead instance long before Eureka evicts it.
            String dead = ":" + victim.port();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !inGatewayRotation(dead));
            // Spring Boot Admin notices the dead instance (it asks every instance every 5 s).
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> suite.adminStatuses().getOrDefault("PRODUCT-SERVICE", List.of()).stream()
                            .anyMatch(s -> !"UP".equals(s)));
            // The load stays on until Eureka has evicted the instance and every registry client has read that: no
            // read may fail while the gateway's copy of the registry changes either.
            suite.awaitRegistered("PRODUCT-SERVICE", 1);
            long evictedAfter = (System.nanoTime() - killedAt) / 1_000_000;
            Thread.sleep(2 * Suite.REGISTRY_READ_INTERVAL.toMillis());
            System.out.printf("KILL %s: out of the gateway's rotation, then evicted by Eureka %.1f s after the kill%n",
                    victim.name(), evictedAfter / 1e3);
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            clients.shutdown();
        }

        assertThat(failures).as("failed GETs (or unclean order answers) while an instance died").isEmpty();
        assertThat(ok.get()).isGreaterThan(50);
        assertThat(accepted).as("orders accepted while an instance died").isNotEmpty().doesNotHaveDuplicates();
        assertThat(scenario.finalStatuses(aliceToken, accepted, Duration.ofSeconds(90)).keySet())
                .as("final statuses of the accepted orders").containsOnly("CONFIRMED");
        // Exactly one unit per order left the stock, however often a command was delivered.
        assertThat(stockOf(product)).as(refusedOrders.get() + " orders refused")
                .isEqualTo(stockBefore - accepted.size());
    }

    /**
     * The instance started again on its port, so that the suite is whole for the next test even when this one
     * failed (one failed kill test used to leave a single product instance, and every later test failed with it).
     */
    private SuiteProcess bringBack(SuiteProcess victim) throws Exception {
        victim.kill();
        SuiteProcess again = suite.restart(victim, "product-service");
        suite.awaitRegistered("PRODUCT-SERVICE", 2);
        return again;
    }

    /** Whether the gateway's Ribbon still counts the instance on this port among product-service's live ones. */
    private boolean inGatewayRotation(String portSuffix) {
        return suite.inRotation("product-service").stream().anyMatch(hostPort -> hostPort.endsWith(portSuffix));
    }

    private int stock() {
        return stockOf(productId);
    }

    private int stockOf(long product) {
        return scenario.stock(product);
    }

    /** How many GET /products/{id} this instance answered, from its own metrics (actuator account). */
    private double servedBy(SuiteProcess instance) {
        Http.Response metrics = Http.getBasic(instance.url()
                + "/actuator/metrics/http.server.requests?tag=uri:/products/%7Bid%7D", Suite.ACTUATOR_USER,
                Suite.ACTUATOR_PASSWORD);
        if (metrics.status != 200) {
            return 0;
        }
        return metrics.json().path("measurements").get(0).path("value").asDouble();
    }

    private String signUpAndLogIn(String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response created = Http.post(api + "/members", null,
                "{\"email\":\"" + email + "\",\"password\":\"password-123\",\"name\":\"" + name + "\"}");
        assertThat(created.status).as(created.body).isEqualTo(201);
        assertProblem(Http.post(api + "/members", null,
                "{\"email\":\"" + email + "\",\"password\":\"password-123\",\"name\":\"" + name + "\"}"), 409);
        return logIn(email, "password-123");
    }

    private String logIn(String email, String password) {
        Http.Response response = Http.post(api + "/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(response.status).as(response.body).isEqualTo(200);
        assertThat(response.json().path("token_type").asText()).isEqualTo("Bearer");
        // RFC 6749 §5.1: a token is never cached; the service says so and the gateway passes it on.
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        return response.json().path("access_token").asText();
    }

    /**
     * Every problem carries the trace id to quote, the gateway's own (a 401 from its token filter) as much as the
     * services': the gateway falls back to its X-Trace-Id header where Zuul's filter path has no logging context.
     */
    private static void assertProblem(Http.Response response, int status) {
        assertThat(response.status).as(response.body).isEqualTo(status);
        assertThat(response.contentType).as(response.body).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("traceId").asText()).as("trace id to quote").matches("[0-9a-f]{16,32}");
    }

    /**
     * A catalog page above the gateway's 2 KB threshold comes gzipped to a client that asks (the services' weak
     * ETag lets Tomcat compress it), and a revalidation with that ETag still answers 304.
     */
    @Test
    @Order(15)
    void aCatalogPageIsGzippedForClientsThatAskAndStillRevalidates() {
        for (int i = 0; i < 20; i++) {
            Http.Response created = Http.post(api + "/products", adminToken,
                    "{\"name\":\"Catalog page filler " + i + " with a name long enough to weigh\",\"price\":1.00,"
                            + "\"stock\":1}");
            assertThat(created.status).as(created.body).isEqualTo(201);
        }
        String page = api + "/products?size=20";
        Http.Response plain = Http.get(page, null);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.body.length()).as("above the 2 KB threshold").isGreaterThan(2048);

        Http.Response gzipped = Http.getGzipAccepted(page, java.util.Map.of());
        assertThat(gzipped.status).isEqualTo(200);
        assertThat(gzipped.header("Content-Encoding")).as(gzipped.headers.map().toString()).isEqualTo("gzip");
        assertThat(gzipped.json().path("content")).hasSize(20);
        assertThat(gzipped.json()).isEqualTo(plain.json());
        String etag = gzipped.header("ETag");
        assertThat(etag).startsWith("W/\"");

        Http.Response unchanged = Http.getGzipAccepted(page, java.util.Map.of("If-None-Match", etag));
        assertThat(unchanged.status).isEqualTo(304);
        assertThat(unchanged.body).isEmpty();
    }
}

package dev.msakit.release.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.msakit.contracts.release.LatencyHistogram;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.release.reconcile.SyncSidesStub;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Releases through release-control's API on a real database: started WAITING in the routing table, RUNNING once both
 * instances are registered (here: the simple discovery client's list), judged on the gateways' reports, rolled back
 * or finished on request; and what it refuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.discovery.client.simple.instances.product-service[0].instance-id=product-service:localhost:8582",
        "spring.cloud.discovery.client.simple.instances.product-service[0].service-id=product-service",

        "spring.cloud.discovery.client.simple.instances.product-service[1].instance-id=product-service:localhost:8583",
        "spring.cloud.discovery.client.simple.instances.product-service[1].service-id=product-service",

        "release-control.canary.tick-ms=100"})
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class CanaryAdminApiTest {

    private static final String BASELINE = "product-service:localhost:8582";
    private static final String CANARY = "product-service:localhost:8583";
    /** Both instances' liveness, as release-control probes it. */
    private static final HttpServer INSTANCES = alive();

    private static HttpServer alive() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/actuator/health/liveness", exchange -> {
                byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two instances registered (a list is bound from one source: all of it here). */
    @DynamicPropertySource
    static void instancesAnswer(DynamicPropertyRegistry registry) {
        String[] ids = {BASELINE, CANARY};
        String[] roles = {"baseline", "canary"};
        for (int i = 0; i < ids.length; i++) {
            String instance = "spring.cloud.discovery.client.simple.instances.product-service[" + i + "].";
            String id = ids[i];
            String role = roles[i];
            registry.add(instance + "instance-id", () -> id);
            // As INSTANCE_ROLE (a pod's msa-kit/role label) registers it.
            registry.add(instance + "metadata.role", () -> role);
            registry.add(instance + "service-id", () -> "product-service");
            registry.add(instance + "uri", () -> "http://localhost:" + INSTANCES.getAddress().getPort());
        }
        // Both sides of the migration, for the flip gate (one per test JVM: see SyncSidesStub).
        SyncSidesStub.SHARED.register(registry);
    }

    @AfterAll
    static void stopInstances() {
        INSTANCES.stop(0);
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;

    @Test
    void aReleaseRunsInTheRoutingTableIsJudgedOnTheGatewaysReportsAndEndsWhenFinished() throws Exception {
        ResponseEntity<String> started = admin(HttpMethod.POST, "/admin/canaries", "{\"service\":\"product-service\","
                + "\"baselineInstance\":\"" + BASELINE + "\",\"canaryInstance\":\"" + CANARY + "\","
                + "\"steps\":[10,50],\"intervalSeconds\":2}");
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getHeaders().getLocation().getPath()).isEqualTo("/admin/canaries/product-service");
        long id = body(started).path("id").asLong();
        // The revision that holds the start (the gateway that forwarded it answers once it routes by it).
        assertThat(Long.parseLong(started.getHeaders().getFirst(RoutingTable.REVISION_HEADER)))
                .isLessThanOrEqualTo(table().path("revision").asLong()).isPositive();
        assertThat(admin(HttpMethod.POST, "/admin/canaries", "{\"service\":\"product-service\",\"baselineInstance\":"
                + "\"a\",\"canaryInstance\":\"b\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // Both instances are registered: RUNNING at 10 %, for every gateway through the routing table.
        await().atMost(Duration.ofSeconds(10)).until(() -> release(table()).path("status").asText().equals("RUNNING"));
        assertThat(release(table()).path("share").asInt()).isEqualTo(10);
        assertThat(release(table()).path("id").asLong()).isEqualTo(id);
        assertThat(admin(HttpMethod.DELETE, "/admin/canaries/product-service", null).getStatusCode())
                .as("finishing a running release").isEqualTo(HttpStatus.CONFLICT);

        // Two gateways report alike; the interval is judged on their sum and advances.
        Random random = new Random(1);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(400)).until(() -> {
            for (String gateway : new String[] {"gw-a", "gw-b"}) {
                assertThat(service(HttpMethod.POST, "/internal/releases/" + id + "/measurements",
                        measurements(gateway, random)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            }
            return release(table()).path("share").asInt() == 50;
        });
        JsonNode report = body(admin(HttpMethod.GET, "/admin/canaries/product-service", null));
        // (An interval that ended before the first reports arrived was held as inconclusive, never passed.)
        JsonNode advanced = null;
        for (JsonNode row : report.path("intervals")) {
            if (row.path("decision").asText().equals("advance to 50 %")) {
                advanced = row;
            } else {
                assertThat(row.path("decision").asText()).isEqualTo("hold at 10 % (inconclusive)");
            }
        }
        assertThat(advanced).as(report.toString()).isNotNull();
        assertThat(advanced.path("classification").asText()).isEqualTo("PASS");
        assertThat(advanced.path("canary").path("requests").asLong()).as("both gateways' reports")
                .isGreaterThanOrEqualTo(50);
        // Latencies merged from both: the median from gw-a's histograms (20-24 ms), the p99 from gw-b's values.
        assertThat(advanced.path("canary").path("p50Ms").asDouble()).as(advanced.toString()).isBetween(19.9, 24.2);
        assertThat(advanced.path("canary").path("p99Ms").asDouble()).isGreaterThan(29.8);
        assertThat(admin(HttpMethod.GET, "/admin/canaries/product-service/rows", null).getBody())
                .contains("advance to 50 %").contains("status RUNNING");
        assertThat(admin(HttpMethod.GET, "/admin/canaries/product-service/plot.svg", null).getBody())
                .startsWith("<svg");

        ResponseEntity<String> aborted = admin(HttpMethod.POST, "/admin/canaries/product-service/abort",
                "{\"reason\":\"enough\"}");
        assertThat(body(aborted).path("status").asText()).isEqualTo("ROLLED_BACK");
        assertThat(body(aborted).path("reason").asText()).isEqualTo("enough");
        assertThat(release(table()).path("share").asInt()).as("nobody on the canary from now on").isZero();
        assertThat(admin(HttpMethod.DELETE, "/admin/canaries/product-service", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(table().path("releases")).isEmpty();
        assertThat(body(admin(HttpMethod.GET, "/admin/canaries", null)).findValuesAsText("service"))
                .contains("product-service");
    }

    /** Without instance ids (a pod's name is not known before it starts): the instances labelled with the roles. */
    @Test
    void aReleaseWithoutInstanceIdsTakesTheInstancesRegisteredWithTheRoles() throws Exception {
        ResponseEntity<String> started = admin(HttpMethod.POST, "/admin/canaries",
                "{\"service\":\"product-service\",\"steps\":[10,50],\"intervalSeconds\":2}");
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(body(started).path("instancesByLabel").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> release(table()).path("status").asText().equals("RUNNING"));
        JsonNode routed = release(table());
        assertThat(routed.path("baselineInstance").asText()).isEqualTo(BASELINE);
        assertThat(routed.path("canaryInstance").asText()).isEqualTo(CANARY);
        JsonNode view = body(admin(HttpMethod.GET, "/admin/canaries/product-service", null));
        assertThat(view.path("instances").path("canary").path("instanceId").asText()).isEqualTo(CANARY);
        assertThat(view.path("instances").path("canary").path("role").asText()).isEqualTo("canary");

        admin(HttpMethod.POST, "/admin/canaries/product-service/abort", "{\"reason\":\"enough\"}");
        assertThat(admin(HttpMethod.DELETE, "/admin/canaries/product-service", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> half = admin(HttpMethod.POST, "/admin/canaries", "{\"service\":\"product-service\","
                + "\"canaryInstance\":\"" + CANARY + "\"}");
        assertProblem(half, HttpStatus.BAD_REQUEST);
        assertThat(half.getBody()).contains("give both, or neither");
    }

    @Test
    void nonsenseAndWrongCallersAreRefusedWithAProblem() throws Exception {
        ResponseEntity<String> missing = admin(HttpMethod.POST, "/admin/canaries", "{\"steps\":[10]}");
        assertProblem(missing, HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody()).contains("\"field\":\"service\"");
        assertProblem(admin(HttpMethod.POST, "/admin/canaries", "{\"service\":\"order-service\","
                + "\"baselineInstance\":\"a\",\"canaryInstance\":\"b\",\"steps\":[50,10]}"), HttpStatus.BAD_REQUEST);
        ResponseEntity<String> warmup = admin(HttpMethod.POST, "/admin/canaries", "{\"service\":\"order-service\","
                + "\"baselineInstance\":\"a\",\"canaryInstance\":\"b\",\"warmupSeconds\":-5}");
        assertProblem(warmup, HttpStatus.BAD_REQUEST);
        assertThat(warmup.getBody()).contains("warmupSeconds");
        ResponseEntity<String> unknown = admin(HttpMethod.POST, "/admin/canaries", "{\"service\":\"nothing-here\","
                + "\"baselineInstance\":\"a\",\"canaryInstance\":\"b\"}");
        assertProblem(unknown, HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("not served through the gateway");
        assertProblem(admin(HttpMethod.GET, "/admin/canaries/nothing-here", null), HttpStatus.NOT_FOUND);
        ResponseEntity<String> member = rest.exchange("/admin/canaries", HttpMethod.GET,
                new HttpEntity<>(headers(TOKENS.member(3))), String.class);
        assertProblem(member, HttpStatus.FORBIDDEN);
        assertProblem(rest.getForEntity("/admin/canaries", String.class), HttpStatus.UNAUTHORIZED);
        assertProblem(admin(HttpMethod.POST, "/internal/releases/1/measurements", "{\"gateway\":\"x\"}"),
                HttpStatus.FORBIDDEN);
        assertProblem(service(HttpMethod.POST, "/internal/releases/999999/measurements",
                measurements("gw-a", new Random(2))), HttpStatus.NOT_FOUND);
        assertProblem(service(HttpMethod.POST, "/internal/releases/999999/measurements",
                "{\"gateway\":\"gw-a\",\"roles\":{\"everyone\":{\"answers\":1,\"latenciesMs\":[]}}}"),
                HttpStatus.BAD_REQUEST);
        ResponseEntity<String> falling = service(HttpMethod.POST, "/internal/releases/999999/measurements",
                "{\"gateway\":\"gw-a\",\"roles\":{\"canary\":{\"answers\":9,\"latencyHistogram\":"
                        + "{\"buckets\":[300,200],\"counts\":[1,1]}}}}");
        assertProblem(falling, HttpStatus.BAD_REQUEST);
        assertThat(falling.getBody()).contains("roles.canary: latencyHistogram: buckets must rise");
        // A forged count would make the judge list billions of latencies.
        ResponseEntity<String> forged = service(HttpMethod.POST, "/internal/releases/999999/measurements",
                "{\"gateway\":\"gw-a\",\"roles\":{\"canary\":{\"answers\":9,\"latencyHistogram\":"
                        + "{\"buckets\":[300],\"counts\":[2000000000]}}}}");
        assertProblem(forged, HttpStatus.BAD_REQUEST);
        assertThat(forged.getBody()).contains("more latencies (2000000000) than successful answers (9)");
    }

    /**
     * 40 answers per role: gw-a's about 20 ms as a histogram (today's gateways), gw-b's about 30 ms as values (a
     * gateway from before the histogram).
     */
    private static String measurements(String gateway, Random random) {
        StringBuilder text = new StringBuilder("{\"gateway\":\"" + gateway + "\",\"roles\":{");
        String[] roles = {"baseline", "canary"};
        boolean older = gateway.equals("gw-b");
        for (int r = 0; r < roles.length; r++) {
            double[] latencies = new double[40];
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = (older ? 30 : 20) + random.nextInt(5);
            }
            text.append(r == 0 ? "" : ",").append('"').append(roles[r]).append("\":{\"answers\":40,"
                    + "\"serverErrors\":0,\"failedAttempts\":0,");
            if (older) {
                text.append("\"latenciesMs\":").append(java.util.Arrays.toString(latencies)).append('}');
            } else {
                LatencyHistogram histogram = LatencyHistogram.of(latencies);
                text.append("\"latencyHistogram\":{\"buckets\":").append(java.util.Arrays.toString(
                        histogram.getBuckets())).append(",\"counts\":").append(java.util.Arrays.toString(
                        histogram.getCounts())).append("}}");
            }
        }
        return text.append("}}").toString();
    }

    private JsonNode table() throws Exception {
        return body(service(HttpMethod.GET, "/internal/routing-table", null));
    }

    private static JsonNode release(JsonNode table) {
        for (JsonNode release : table.path("releases")) {
            if (release.path("service").asText().equals("product-service")) {
                return release;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private ResponseEntity<String> admin(HttpMethod method, String path, String body) {
        return rest.exchange(path, method, new HttpEntity<>(body, headers(TOKENS.admin(1))), String.class);
    }

    private ResponseEntity<String> service(HttpMethod method, String path, String body) {
        return rest.exchange(path, method, new HttpEntity<>(body, headers(TOKENS.service("zuul-gateway"))),
                String.class);
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
}

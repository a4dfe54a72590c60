package dev.msakit.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Tracing, circuits and Admin as operators use them, against the running suite. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class ObservabilityIT {

    private Suite suite;
    private Scenario scenario;
    private String memberToken;
    private long productId;

    @BeforeAll
    void placeSomeOrders(Suite suite) {
        this.suite = suite;
        this.scenario = new Scenario(suite);
        memberToken = scenario.newMemberToken();
        productId = scenario.newProduct(scenario.adminToken(), 100);
        scenario.order(memberToken, productId);
    }

    @Test
    void oneOrderIsOneTraceAcrossGatewayOrderAndProductService() {
        Http.Response placed = scenario.tracedOrder(memberToken, productId);
        String traceId = placed.traceId;
        assertThat(traceId).as("X-Trace-Id of the gateway's answer").matches("[0-9a-f]{16,32}");

        Set<String> services = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Response trace = Http.get(suite.zipkin.url() + "/api/v2/trace/" + traceId, null);
            assertThat(trace.status).as(trace.body).isEqualTo(200);
            services.clear();
            for (JsonNode span : trace.json()) {
                services.add(span.path("localEndpoint").path("serviceName").asText());
            }
            assertThat(services).contains("zuul-gateway", "order-service", "product-service");
        });
        // No spans from Hystrix's stream polling, health checks or the saga's timeout schedule: only real work.
        for (String service : List.of("order-service", "product-service", "zuul-gateway")) {
            Http.Response names = Http.get(suite.zipkin.url() + "/api/v2/spans?serviceName=" + service, null);
            assertThat(names.body).as(service).doesNotContain("stream").doesNotContain("actuator")
                    .doesNotContain("expire").doesNotContain("metricpoller");
        }
    }

    @Test
    void turbineAggregatesOrderServiceCircuits() {
        scenario.order(memberToken, productId);
        assertThat(Http.streamContains(suite.turbine.url() + "/turbine.stream",
                "\"name\":\"ProductClient#lookup(List)\"", Duration.ofSeconds(60)))
                .as("order-service's Feign command in turbine.stream").isTrue();
    }

    @Test
    void dashboardNeedsTheOperatorsLoginOpensOnTheTurbineStreamAndProxiesOnlyStreamsOfOurHosts() {
        String dashboard = suite.dashboard.url();
        Http.Response stranger = Http.get(dashboard + "/", null);
        assertThat(stranger.status).as("no login").isIn(302, 401);
        if (stranger.status == 302) {
            assertThat(stranger.location).endsWith("/login");
        }
        String turbine = URLEncoder.encode(suite.turbine.url() + "/turbine.stream", StandardCharsets.UTF_8);
        assertThat(Http.get(dashboard + "/proxy.stream?origin=" + turbine, null).status).isIn(302, 401);

        Http.Response landing = Http.getBasic(dashboard + "/", Suite.ADMIN_UI_USER, Suite.ADMIN_UI_PASSWORD);
        assertThat(landing.status).isEqualTo(302);
        assertThat(landing.location).contains("/hystrix/monitor?stream=").contains("turbine.stream");
        assertThat(Http.getBasic(dashboard + "/hystrix/monitor", Suite.ADMIN_UI_USER, Suite.ADMIN_UI_PASSWORD).status)
                .isEqualTo(200);

        String operator = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (Suite.ADMIN_UI_USER + ":" + Suite.ADMIN_UI_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(Http.streamContains(dashboard + "/proxy.stream?origin=" + turbine, "data:",
                Duration.ofSeconds(30), operator)).as("dashboard proxies the Turbine stream").isTrue();
        String foreign = URLEncoder.encode("http://example.com/hystrix.stream", StandardCharsets.UTF_8);
        assertThat(Http.streamContains(dashboard + "/proxy.stream?origin=" + foreign, "data:",
                Duration.ofSeconds(5), operator)).as("a foreign host is not proxied").isFalse();
        // An allowed host, but not a stream: the proxy is no way to read a service's other pages.
        String apiDocs = URLEncoder.encode(suite.member.url() + "/v3/api-docs", StandardCharsets.UTF_8);
        Http.Response notAStream = Http.getBasic(dashboard + "/proxy.stream?origin=" + apiDocs, Suite.ADMIN_UI_USER,
                Suite.ADMIN_UI_PASSWORD);
        assertThat(notAStream.status).isEqualTo(400);
        assertThat(notAStream.body).contains("streams only").doesNotContain("openapi");
    }

    @Test
    void adminShowsEveryProcessUp() {
        List<String> expected = List.of("EUREKA-SERVER", "MEMBER-SERVICE", "PRODUCT-SERVICE", "ORDER-SERVICE",
                "LEGACY-SHOP", "ZUUL-GATEWAY", "TURBINE", "HYSTRIX-DASHBOARD", "ADMIN-SERVER", "ZIPKIN-SERVER");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, List<String>> statuses = suite.adminStatuses();
            for (String name : expected) {
                assertThat(statuses.get(name)).as(name + " in " + statuses).isNotEmpty().containsOnly("UP");
            }
            assertThat(statuses.get("PRODUCT-SERVICE")).hasSize(2);
        });
        assertThat(Http.get(suite.admin.url() + "/instances", null).status).isEqualTo(401);
    }

    /**
     * Any registry client can read instance metadata, so it carries no actuator password; Admin still reads every
     * instance's sensitive endpoints, with the account it holds itself.
     */
    @Test
    void theRegistryCarriesNoSecretAndAdminReadsActuatorsWithItsOwnAccount() {
        Http.Response registry = Http.getBasic(suite.eureka.url() + "/eureka/apps", Suite.EUREKA_USER,
                Suite.EUREKA_PASSWORD);
        assertThat(registry.status).isEqualTo(200);
        assertThat(registry.body).contains("MEMBER-SERVICE").doesNotContain(Suite.ACTUATOR_PASSWORD)
                .doesNotContain("user.password");
        // A service's own registry account reads the registry but cannot pose as another application.
        String fake = "{\"instance\":{\"instanceId\":\"fake-member\",\"hostName\":\"localhost\",\"app\":"
                + "\"MEMBER-SERVICE\",\"ipAddr\":\"127.0.0.1\",\"status\":\"UP\",\"port\":{\"$\":1,\"@enabled\":"
                + "\"true\"},\"dataCenterInfo\":{\"@class\":\"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo\","
                + "\"name\":\"MyOwn\"}}}";
        Http.Response posing = Http.postBasic(suite.eureka.url() + "/eureka/apps/MEMBER-SERVICE", "product-service",
                Suite.registryPassword("product-service"), fake);
        assertThat(posing.status).isEqualTo(403);
        assertThat(Http.getBasic(suite.eureka.url() + "/eureka/apps", "product-service",
                Suite.registryPassword("product-service")).status).isEqualTo(200);
        assertThat(Http.getBasic(suite.eureka.url() + "/eureka/apps/MEMBER-SERVICE", Suite.EUREKA_USER,
                Suite.EUREKA_PASSWORD).body).doesNotContain("fake-member");

        Http.Response instances = Http.getBasic(suite.admin.url() + "/instances", Suite.ADMIN_UI_USER,
                Suite.ADMIN_UI_PASSWORD);
        String memberInstance = null;
        for (com.fasterxml.jackson.databind.JsonNode instance : instances.json()) {
            if ("MEMBER-SERVICE".equalsIgnoreCase(instance.path("registration").path("name").asText())) {
                memberInstance = instance.path("id").asText();
            }
        }
        assertThat(memberInstance).as("member-service in Admin").isNotNull();
        Http.Response env = Http.getBasic(suite.admin.url() + "/instances/" + memberInstance + "/actuator/env",
                Suite.ADMIN_UI_USER, Suite.ADMIN_UI_PASSWORD);
        assertThat(env.status).as("Admin's proxy to member-service's env: " + env.body).isEqualTo(200);
        assertThat(env.body).contains("propertySources");
    }

    @Test
    void sensitiveActuatorEndpointsRefuseAnonymousCallers() {
        for (SuiteProcess process : List.of(suite.member, suite.product1, suite.order, suite.gateway, suite.turbine,
                suite.dashboard)) {
            assertThat(Http.get(process.url() + "/actuator/env", null).status).as(process.name()).isEqualTo(401);
            assertThat(Http.get(process.url() + "/actuator/loggers", null).status).as(process.name()).isEqualTo(401);
            Http.Response env = Http.getBasic(process.url() + "/actuator/env", Suite.ACTUATOR_USER,
                    Suite.ACTUATOR_PASSWORD);
            assertThat(env.status).as(process.name()).isEqualTo(200);
            assertThat(env.body).as("secrets masked").doesNotContain(Suite.ACTUATOR_PASSWORD)
                    .doesNotContain(Suite.EUREKA_PASSWORD);
        }
        Http.Response readiness = Http.get(suite.order.url() + "/actuator/health/readiness", null);
        assertThat(readiness.status).isEqualTo(200);
        assertThat(Http.get(suite.order.url() + "/actuator/health/liveness", null).status).isEqualTo(200);
    }
}

package dev.msakit.gateway;

import com.netflix.client.config.CommonClientConfigKey;
import com.netflix.zuul.FilterProcessor;
import dev.msakit.gateway.ribbon.LookupCachingClientConfig;
import dev.msakit.gateway.routing.ServiceRibbonCommandFactory;
import dev.msakit.gateway.zuul.LeanFilterProcessor;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;
import org.springframework.cloud.netflix.zuul.filters.route.RibbonCommandFactory;
import org.springframework.cloud.contract.wiremock.AutoConfigureWireMock;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.resetAllRequests;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

/** The real Zuul filter chain and Ribbon, with WireMock standing in for the services. */
@Tag("spring-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "member-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        "product-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        // Nothing listens on port 1: every call to order-service fails and must fall back.
        "order-service.ribbon.listOfServers=localhost:1"})
@AutoConfigureWireMock(port = 0)
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class GatewayRoutingTest {

    /**
     * Any request a client could have caused: everything but the gateway's own service-account login, which its
     * control plane retries in the background whatever the test does.
     */
    private static final UrlPattern ROUTED = urlPathMatching("^(?!/auth/service-token$).*");


    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    private SpringClientFactory ribbonClients;
    @Autowired
    private RibbonCommandFactory<?> commands;
    @Autowired
    private org.springframework.core.env.Environment environment;
    @org.springframework.boot.web.server.LocalServerPort
    private int port;

    @Test
    void routesPublicCatalogReadsAndDropsClientIdentityHeaders() {
        stubFor(get(urlEqualTo("/products/1")).willReturn(okJson("{\"id\":1}")));
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Member-Id", "1");
        headers.set("Cookie", "session=abc");

        ResponseEntity<String> response = rest.exchange("/api/products/1", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("{\"id\":1}");
        verify(getRequestedFor(urlEqualTo("/products/1")).withHeader("X-Member-Id", absent())
                .withHeader("Cookie", absent()));
        // Zuul reports its filters' runs to Micrometer (FilterRunCounters), not to Servo.
        assertThat(meters.get("gateway.zuul.filter.runs").tag("filter", "RibbonRoutingFilter")
                .tag("status", "SUCCESS").counter().count()).isPositive();
        // ... run by the gateway's own processor, through commands and Ribbon settings that are found once.
        assertThat(FilterProcessor.getInstance()).isInstanceOf(LeanFilterProcessor.class);
        assertThat(commands).isInstanceOf(ServiceRibbonCommandFactory.class);
        assertThat(ribbonClients.getClientConfig("product-service")).isInstanceOf(LookupCachingClientConfig.class);
        assertThat(ribbonClients.getClientConfig("product-service").get(CommonClientConfigKey.ListOfServers))
                .contains("localhost:");
    }

    /**
     * The edge starts its own trace: a client's B3 headers (here asking not to be traced) neither name the trace nor
     * decide its sampling, and are not forwarded; the service gets the gateway's trace, sampled by the gateway's rate
     * (1.0 in this test). Were they honoured, any client could have all its requests recorded with X-B3-Sampled: 1.
     */
    @Test
    void aClientsTraceHeadersNeitherNameNorSampleItsTrace() {
        stubFor(get(urlEqualTo("/products/7")).willReturn(okJson("{\"id\":7}")));
        String clientTrace = "463ac35c9f6413ad48485a3953bb6124";
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-B3-TraceId", clientTrace);
        headers.set("X-B3-SpanId", "a2fb4a1d1a96d312");
        headers.set("X-B3-Sampled", "0");
        headers.set("b3", clientTrace + "-a2fb4a1d1a96d312-0");

        ResponseEntity<String> response = rest.exchange("/api/products/7", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String trace = response.getHeaders().getFirst("X-Trace-Id");
        assertThat(trace).matches("[0-9a-f]{16,32}").isNotEqualTo(clientTrace);
        verify(getRequestedFor(urlEqualTo("/products/7")).withHeader("X-B3-TraceId", equalTo(trace))
                .withHeader("X-B3-Sampled", equalTo("1")).withHeader("b3", absent()));
    }

    /**
     * The services' cache and security headers reach the client: a token response must say Cache-Control: no-store
     * (RFC 6749 §5.1), and nosniff / frame options protect browsers. (Zuul drops them by default, assuming the
     * gateway's own Spring Security writes its own; this gateway's security covers its actuator only.)
     */
    @Test
    void passesTheServicesCacheAndSecurityHeadersThrough() {
        stubFor(post(urlEqualTo("/auth/token")).willReturn(okJson("{\"access_token\":\"x\"}")
                .withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache")
                .withHeader("X-Content-Type-Options", "nosniff").withHeader("X-Frame-Options", "DENY")));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.exchange("/api/auth/token", HttpMethod.POST,
                new HttpEntity<>("{\"email\":\"a@b.c\",\"password\":\"p\"}", headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().get("Cache-Control")).containsExactly("no-store");
        assertThat(response.getHeaders().get("Pragma")).containsExactly("no-cache");
        assertThat(response.getHeaders().get("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.getHeaders().get("X-Frame-Options")).containsExactly("DENY");
    }

    @Test
    void compressesLargeJsonForClientsThatAcceptGzipOnly() throws Exception {
        String page = "{\"content\":[" + "{\"id\":1,\"name\":\"Keyboard\"},".repeat(200) + "{\"id\":2}]}";
        stubFor(get(urlEqualTo("/products?page=0")).willReturn(okJson(page)));
        // As the services answer: complete bodies with their Content-Length.
        stubFor(get(urlEqualTo("/products/1")).willReturn(okJson("{\"id\":1}").withHeader("Content-Length", "8")));
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

        java.net.http.HttpResponse<byte[]> gzipped = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/products?page=0"))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).as(gzipped.headers().map().toString()).contains("gzip");
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(page);
        }
        assertThat(gzipped.body().length).isLessThan(page.length() / 4);

        java.net.http.HttpResponse<String> plain = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/products?page=0")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(page);
        // A small answer is not worth compressing.
        java.net.http.HttpResponse<String> small = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/products/1"))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void forwardsTheVerifiedTokenToTheService() {
        stubFor(get(urlEqualTo("/members/me")).willReturn(okJson("{\"id\":5}")));
        String token = TOKENS.member(5);

        ResponseEntity<String> response = rest.exchange("/api/members/me", HttpMethod.GET,
                new HttpEntity<>(bearer(token)), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        verify(getRequestedFor(urlEqualTo("/members/me")).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void refusesProtectedRoutesWithoutAValidToken() {
        resetAllRequests();
        ResponseEntity<String> response = rest.getForEntity("/api/members/me", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        verify(0, anyRequestedFor(ROUTED));
    }

    @Test
    void neverRoutesInternalOrActuatorEndpoints() {
        resetAllRequests();
        String admin = TOKENS.admin(1);
        for (String path : new String[]{"/api/products/internal/catalog", "/api/internal/catalog",
                "/api/members/actuator/env", "/api/products/actuator/health", "/api/auth/service-token",
                "/api/auth/service-token/", "/api/auth/other",
                "/api/inventory/anything"}) {
            ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(admin)),
                    String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
        }
        verify(0, anyRequestedFor(ROUTED));
    }

    @Test
    void unavailableServiceGives503ProblemNamingIt() {
        ResponseEntity<String> response = rest.exchange("/api/orders", HttpMethod.GET,
                new HttpEntity<>(bearer(TOKENS.member(2))), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains("order-service is unavailable");
    }

    @Test
    void releaseControlsAdminCallsOutwaitTheFlipGate() {
        // A switch change answers after release-control's flip gate (sync lag, a reconciliation after drift): seconds
        // that the default 3 s read cut off while the change committed. Hystrix's bound follows Ribbon's.
        assertThat(ribbonClients.getClientConfig("release-control").get(CommonClientConfigKey.ReadTimeout))
                .isEqualTo(20_000);
        assertThat(environment.getProperty(
                "hystrix.command.release-control.execution.isolation.thread.timeoutInMilliseconds", Long.class))
                .isEqualTo((1_000 + 20_000) * 3 + 500L);
        assertThat(ribbonClients.getClientConfig("member-service").get(CommonClientConfigKey.ReadTimeout))
                .isEqualTo(3_000);
    }

    @Test
    void gatewayActuatorNeedsTheActuatorAccount() {
        // Liveness is public (the readiness of this test gateway waits for a routing table no test serves here).
        assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.exchange("/actuator/env", HttpMethod.GET, new HttpEntity<>(bearer(TOKENS.admin(1))),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> env = rest.withBasicAuth("actuator", "test-actuator-secret")
                .getForEntity("/actuator/env", String.class);
        assertThat(env.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(env.getBody()).doesNotContain("test-actuator-secret");
    }

    @Test
    void ribbonViewShowsADeadInstanceLeavingRotation() {
        stubFor(get(urlEqualTo("/products/1")).willReturn(okJson("{\"id\":1}")));
        rest.getForEntity("/api/products/1", String.class);
        // Each attempt on order-service fails to connect; a few in a row take its only instance out of rotation.
        for (int i = 0; i < 3; i++) {
            rest.exchange("/api/orders", HttpMethod.GET, new HttpEntity<>(bearer(TOKENS.member(2))), String.class);
        }
        TestRestTemplate actuator = rest.withBasicAuth("actuator", "test-actuator-secret");

        ResponseEntity<String> dead = actuator.getForEntity("/actuator/ribbon/order-service", String.class);
        ResponseEntity<String> alive = actuator.getForEntity("/actuator/ribbon/product-service", String.class);

        assertThat(dead.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dead.getBody()).contains("\"hostPort\":\"localhost:1\"").contains("\"inRotation\":false")
                .contains("\"circuitTripped\":true");
        assertThat(alive.getBody()).contains("\"inRotation\":true").doesNotContain("\"inRotation\":false");
        assertThat(rest.getForEntity("/actuator/ribbon/order-service", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}

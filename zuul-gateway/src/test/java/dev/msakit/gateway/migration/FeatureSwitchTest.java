package dev.msakit.gateway.migration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.msakit.contracts.release.FeatureRoute.Mode;
import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.cloud.contract.wiremock.AutoConfigureWireMock;
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

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.resetAllRequests;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The switches on the real Zuul chain, routed by the table a release-control stub serves: WireMock answers as
 * product-service (the new side) and member-service (the gateway's service token), a second WireMock as the legacy
 * shop, each with a body that tells them apart.
 */
@Tag("spring-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "member-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        "product-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        "order-service.ribbon.listOfServers=localhost:1"})
@AutoConfigureWireMock(port = 0)
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class FeatureSwitchTest {

    private static final WireMockServer LEGACY = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final ReleaseControlStub CONTROL = new ReleaseControlStub();

    static {
        LEGACY.start();
    }

    @DynamicPropertySource
    static void legacyShopAndReleaseControl(DynamicPropertyRegistry registry) {
        registry.add("legacy-shop.ribbon.listOfServers", () -> "localhost:" + LEGACY.port());
        registry.add("release-control.ribbon.listOfServers", () -> "localhost:" + CONTROL.server.port());
    }

    @AfterAll
    static void stopLegacyAndReleaseControl() {
        LEGACY.stop();
        CONTROL.stop();
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private SwitchTable table;
    @Autowired
    private MigrationCounters counters;

    @BeforeEach
    void bothSidesAnswer() {
        LEGACY.resetAll();
        resetAllRequests();
        CONTROL.server.resetRequests();
        stubFor(post(urlEqualTo("/auth/service-token")).willReturn(okJson(
                "{\"access_token\":\"gateway-service-token\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
        stubFor(get(urlPathEqualTo("/products/1")).willReturn(okJson("{\"id\":1,\"name\":\"new\"}")));
        LEGACY.stubFor(get(urlPathEqualTo("/products/1")).willReturn(okJson("{\"id\":1,\"name\":\"legacy\"}")));
        switchTo("catalog", Mode.NEW, 0);
    }

    @Test
    void theNewServiceServesByDefaultAndAFlipToLegacyTakesEffectWithoutARestart() {
        ResponseEntity<String> before = rest.getForEntity("/api/products/1", String.class);
        assertThat(before.getBody()).contains("\"new\"");
        assertThat(before.getHeaders().getFirst("X-Migration-Target")).isEqualTo("new");

        switchTo("catalog", Mode.LEGACY, 0);

        ResponseEntity<String> after = rest.getForEntity("/api/products/1", String.class);
        assertThat(after.getBody()).contains("\"legacy\"");
        assertThat(after.getHeaders().getFirst("X-Migration-Target")).isEqualTo("legacy");
        // Routes that no switch covers are the new services' and say so.
        stubFor(get(urlEqualTo("/members/me")).willReturn(okJson("{\"id\":1}")));
        assertThat(rest.exchange("/api/members/me", HttpMethod.GET, new HttpEntity<>(bearer(TOKENS.member(1))),
                String.class).getHeaders().getFirst("X-Migration-Target")).isEqualTo("new");
    }

    @Test
    void theTableIsAskedForWithTheGatewaysServiceTokenAndTheRevisionItHas() {
        long revision = switchTo("catalog", Mode.LEGACY, 0);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> CONTROL.server.verify(
                getRequestedFor(urlPathEqualTo("/internal/routing-table"))
                        .withHeader("If-None-Match", equalTo("\"" + revision + "\""))
                        .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer gateway-service-token"))
                        .withQueryParam("waitMs", equalTo("25000"))));
        verify(postRequestedFor(urlEqualTo("/auth/service-token"))
                .withRequestBody(matchingJsonPath("$.clientId", equalTo("zuul-gateway")))
                .withRequestBody(matchingJsonPath("$.clientSecret", equalTo("test-gateway-secret"))));
        // And it reports the revision it routes by, with its counters.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> CONTROL.server.verify(
                putRequestedFor(urlMatching("/internal/gateways/zuul-gateway.*"))
                        .withRequestBody(matchingJsonPath("$.appliedRevision", equalTo(Long.toString(revision))))
                        .withRequestBody(matchingJsonPath("$.counters.catalog"))));
    }

    @Test
    void whileReleaseControlIsAwayTheLastTableKeepsRoutingAndTheNextOneIsTakenWhenItIsBack() {
        long legacy = switchTo("catalog", Mode.LEGACY, 0);
        CONTROL.server.stubFor(get(urlPathEqualTo("/internal/routing-table")).atPriority(0)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> CONTROL.server.verify(
                    getRequestedFor(urlPathEqualTo("/internal/routing-table"))
                            .withHeader("If-None-Match", equalTo("\"" + legacy + "\""))));
            for (int i = 0; i < 5; i++) {
                assertThat(rest.getForEntity("/api/products/1", String.class).getHeaders()
                        .getFirst("X-Migration-Target")).isEqualTo("legacy");
            }
            assertThat(table.revision()).isEqualTo(legacy);
        } finally {
            CONTROL.server.removeStubMapping(CONTROL.server.getStubMappings().stream()
                    .filter(m -> m.getPriority() != null && m.getPriority() == 0).findFirst().orElseThrow());
        }
        switchTo("catalog", Mode.NEW, 0);
        assertThat(rest.getForEntity("/api/products/1", String.class).getHeaders().getFirst("X-Migration-Target"))
                .isEqualTo("new");
    }

    @Test
    void theSwitchesAdminApiIsRoutedToReleaseControlWithTheCallersTokenAndItsInternalApiIsNot() {
        CONTROL.server.stubFor(get(urlEqualTo("/admin/features/catalog")).willReturn(okJson("{\"name\":\"catalog\"}")
                .withHeader("ETag", "\"7\"")));

        String token = TOKENS.admin(1);
        HttpHeaders admin = bearer(token);
        // WireMock's Jetty would gzip and tag the ETag "7--gzip"; the real release-control does not.
        admin.set(HttpHeaders.ACCEPT_ENCODING, "identity");
        ResponseEntity<String> routed = rest.exchange("/api/admin/features/catalog", HttpMethod.GET,
                new HttpEntity<>(admin), String.class);

        assertThat(routed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(routed.getHeaders().getETag()).isEqualTo("\"7\"");
        CONTROL.server.verify(getRequestedFor(urlEqualTo("/admin/features/catalog"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));
        assertThat(rest.getForEntity("/api/admin/features/catalog", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.exchange("/api/internal/routing-table", HttpMethod.GET, new HttpEntity<>(admin),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        CONTROL.server.verify(1, getRequestedFor(urlPathEqualTo("/admin/features/catalog")));
    }

    /** Read your writes: a switch changed through this gateway is answered once this gateway routes by it. */
    @Test
    void aChangeThroughThisGatewayIsAnsweredOnceThisGatewayRoutesByIt() throws Exception {
        long next = CONTROL.revision() + 1;
        CONTROL.server.stubFor(put(urlEqualTo("/admin/features/catalog")).willReturn(okJson("{\"mode\":\"LEGACY\"}")
                .withHeader("ETag", "\"" + next + "\"").withHeader(RoutingTable.REVISION_HEADER, Long.toString(next))));
        changeCommitsIn(Duration.ofMillis(400), () -> CONTROL.change("catalog", Mode.LEGACY, 0));
        long sent = System.nanoTime();

        ResponseEntity<String> changed = rest.exchange("/api/admin/features/catalog", HttpMethod.PUT,
                new HttpEntity<>("{\"mode\":\"LEGACY\"}", adminIdentity()), String.class);

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((System.nanoTime() - sent) / 1_000_000).as("waited for the revision").isGreaterThanOrEqualTo(300);
        assertThat(table.revision()).isGreaterThanOrEqualTo(next);
        assertThat(rest.getForEntity("/api/products/1", String.class).getHeaders().getFirst("X-Migration-Target"))
                .isEqualTo("legacy");
    }

    /** The same for a canary release started through this gateway: the client's next request is routed by it. */
    @Test
    void aReleaseStartedThroughThisGatewayIsAnsweredOnceThisGatewayRoutesByIt() throws Exception {
        long next = CONTROL.revision() + 1;
        CONTROL.server.stubFor(post(urlEqualTo("/admin/canaries")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"WAITING\"}")
                .withHeader(RoutingTable.REVISION_HEADER, Long.toString(next))));
        changeCommitsIn(Duration.ofMillis(400), () -> CONTROL.change("ordering", Mode.NEW, 0));
        long sent = System.nanoTime();

        ResponseEntity<String> started = rest.exchange("/api/admin/canaries", HttpMethod.POST,
                new HttpEntity<>("{\"service\":\"product-service\"}", adminIdentity()), String.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((System.nanoTime() - sent) / 1_000_000).as("waited for the revision").isGreaterThanOrEqualTo(300);
        assertThat(table.revision()).isGreaterThanOrEqualTo(next);
    }

    private static void changeCommitsIn(Duration delay, Runnable change) {
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            change.run();
        });
    }

    private HttpHeaders adminIdentity() {
        HttpHeaders admin = jsonWith(TOKENS.admin(1));
        admin.set(HttpHeaders.ACCEPT_ENCODING, "identity");
        return admin;
    }

    @Test
    void shadowAnswersFromLegacyAndReportsTheExactDifferingFieldsOfTheNewSide() throws Exception {
        LEGACY.stubFor(get(urlPathEqualTo("/products/2")).willReturn(okJson("{\"id\":2,\"price\":10.00}")));
        stubFor(get(urlPathEqualTo("/products/2")).willReturn(okJson("{\"id\":2,\"price\":10.0}")));
        LEGACY.stubFor(get(urlPathEqualTo("/products/3")).willReturn(okJson("{\"id\":3,\"price\":10.00,\"stock\":4}")));
        stubFor(get(urlPathEqualTo("/products/3")).willReturn(okJson("{\"id\":3,\"price\":11.00,\"stock\":4}")));
        switchTo("catalog", Mode.SHADOW, 0);
        long mismatchedBefore = counter("shadow.mismatched");
        long comparedBefore = counter("shadow.compared");

        ResponseEntity<String> same = rest.getForEntity("/api/products/2", String.class);
        assertThat(same.getBody()).isEqualTo("{\"id\":2,\"price\":10.00}");
        assertThat(same.getHeaders().getFirst("X-Migration-Target")).isEqualTo("legacy");
        await().atMost(Duration.ofSeconds(10)).until(() -> counter("shadow.compared") == comparedBefore + 1);
        assertThat(counter("shadow.mismatched")).isEqualTo(mismatchedBefore);

        ResponseEntity<String> differing = rest.getForEntity("/api/products/3", String.class);
        assertThat(differing.getBody()).isEqualTo("{\"id\":3,\"price\":10.00,\"stock\":4}");
        await().atMost(Duration.ofSeconds(10)).until(() -> counter("shadow.mismatched") == mismatchedBefore + 1);
        // The difference goes to release-control, which keeps them for the admin API.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> CONTROL.server.verify(
                postRequestedFor(urlEqualTo("/internal/features/catalog/diffs"))
                        .withRequestBody(matchingJsonPath("$.path", equalTo("/products/3")))
                        .withRequestBody(equalToJson("{\"differingPaths\":[\"$.price\"]}", true, true))
                        // Both answers as compared, for the console's side-by-side view.
                        .withRequestBody(matchingJsonPath("$.legacyBody",
                                equalTo("{\"id\":3,\"price\":10.0,\"stock\":4}")))
                        .withRequestBody(matchingJsonPath("$.newBody",
                                equalTo("{\"id\":3,\"price\":11.0,\"stock\":4}")))));
        CONTROL.server.verify(1, postRequestedFor(urlEqualTo("/internal/features/catalog/diffs")));
        // The replay reached the new side; legacy was asked twice (the client's answer and the noise pass).
        verify(getRequestedFor(urlPathEqualTo("/products/3")));
        LEGACY.verify(2, getRequestedFor(urlPathEqualTo("/products/3")));
    }

    /**
     * The new side failing where legacy answers is the difference a shadow run exists to find: reported with both
     * statuses; the replay asks as the client did (its Accept-Language and query).
     */
    @Test
    void aNewSideErrorInShadowIsADifferenceWithBothStatusesAndTheReplayAsksAsTheClientDid() throws Exception {
        LEGACY.stubFor(get(urlPathEqualTo("/products/5")).willReturn(okJson("{\"id\":5,\"name\":\"Lampe\"}")));
        stubFor(get(urlPathEqualTo("/products/5")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":500}")));
        switchTo("catalog", Mode.SHADOW, 0);
        long mismatchedBefore = counter("shadow.mismatched");
        HttpHeaders german = new HttpHeaders();
        german.set(HttpHeaders.ACCEPT_LANGUAGE, "de-CH");

        ResponseEntity<String> read = rest.exchange("/api/products/5?view=full", HttpMethod.GET,
                new HttpEntity<>(german), String.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> counter("shadow.mismatched") == mismatchedBefore + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> CONTROL.server.verify(
                postRequestedFor(urlEqualTo("/internal/features/catalog/diffs"))
                        .withRequestBody(matchingJsonPath("$.path", equalTo("/products/5?view=full")))
                        .withRequestBody(matchingJsonPath("$.endpoint", equalTo("GET /products/{id}")))
                        .withRequestBody(equalToJson("{\"legacyStatus\":200,\"newStatus\":500}", true, true))
                        .withRequestBody(matchingJsonPath("$.differingPaths[?(@ == 'status')]"))));
        verify(getRequestedFor(urlPathEqualTo("/products/5")).withQueryParam("view", equalTo("full"))
                .withHeader(HttpHeaders.ACCEPT_LANGUAGE, equalTo("de-CH")));
    }

    @Test
    void shadowNeverReplaysAWrite() throws Exception {
        LEGACY.stubFor(post(urlEqualTo("/products")).willReturn(okJson("{\"id\":9}").withStatus(201)));
        switchTo("catalog", Mode.SHADOW, 0);

        ResponseEntity<String> created = admin(HttpMethod.POST, "/api/products",
                "{\"name\":\"Mug\",\"price\":1,\"stock\":1}");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getFirst("X-Migration-Target")).isEqualTo("legacy");
        LEGACY.verify(1, postRequestedFor(urlEqualTo("/products")));
        Thread.sleep(500);
        // Not as a POST, and not as a read of the same path either: the new side never hears of the write.
        verify(0, anyRequestedFor(urlPathEqualTo("/products")));
        LEGACY.verify(1, anyRequestedFor(urlPathEqualTo("/products")));
    }

    @Test
    void percentKeepsEachMemberAndEachAnonymousClientOnOneSide() {
        switchTo("catalog", Mode.PERCENT, 50);
        Set<String> sides = new HashSet<>();
        for (long member = 1; member <= 30; member++) {
            HttpEntity<Void> request = new HttpEntity<>(bearer(TOKENS.member(member)));
            String first = rest.exchange("/api/products/1", HttpMethod.GET, request, String.class).getHeaders()
                    .getFirst("X-Migration-Target");
            for (int again = 0; again < 3; again++) {
                assertThat(rest.exchange("/api/products/1", HttpMethod.GET, request, String.class).getHeaders()
                        .getFirst("X-Migration-Target")).as("member %d", member).isEqualTo(first);
            }
            assertThat(StickySplit.isNew("catalog", "member:" + member, 50)).isEqualTo("new".equals(first));
            sides.add(first);
        }
        assertThat(sides).containsExactlyInAnyOrder("legacy", "new");

        ResponseEntity<String> anonymous = rest.getForEntity("/api/products/1", String.class);
        String cookie = anonymous.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).startsWith("msa-migration=").contains("HttpOnly");
        HttpHeaders withCookie = new HttpHeaders();
        withCookie.add(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')));
        for (int again = 0; again < 5; again++) {
            ResponseEntity<String> next = rest.exchange("/api/products/1", HttpMethod.GET,
                    new HttpEntity<>(withCookie), String.class);
            assertThat(next.getHeaders().getFirst("X-Migration-Target"))
                    .isEqualTo(anonymous.getHeaders().getFirst("X-Migration-Target"));
            assertThat(next.getHeaders().getFirst(HttpHeaders.SET_COOKIE)).isNull();
        }
    }

    /** order-service is unreachable in this test (port 1): its circuit opens after enough failed calls. */
    @Test
    void whileTheNewSidesCircuitIsOpenReadsFallBackToLegacyButWritesNever() throws Exception {
        LEGACY.stubFor(get(urlPathEqualTo("/orders")).willReturn(okJson("{\"content\":[],\"source\":\"legacy\"}")));
        switchTo("ordering", Mode.NEW, 0);
        HttpEntity<Void> member = new HttpEntity<>(bearer(TOKENS.member(5)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                "legacy".equals(rest.exchange("/api/orders", HttpMethod.GET, member, String.class).getHeaders()
                        .getFirst("X-Migration-Target")));
        ResponseEntity<String> read = rest.exchange("/api/orders", HttpMethod.GET, member, String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).contains("\"legacy\"");
        assertThat(counter("ordering", "fallbackToLegacy")).isPositive();

        ResponseEntity<String> write = rest.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>(
                "{\"items\":[{\"productId\":1,\"quantity\":1}]}", jsonWith(TOKENS.member(5))), String.class);
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(write.getHeaders().getFirst("X-Migration-Target")).isEqualTo("new");
        LEGACY.verify(0, postRequestedFor(anyUrl()));
    }

    /** A read fallback must not keep the circuit open for good: trial reads close it once the service is back. */
    @Test
    void readsReturnToTheNewSideOnceItsCircuitClosesAgain() {
        stubFor(get(urlPathEqualTo("/products/77")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        LEGACY.stubFor(get(urlPathEqualTo("/products/77")).willReturn(okJson("{\"id\":77,\"name\":\"legacy\"}")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                "legacy".equals(rest.getForEntity("/api/products/77", String.class).getHeaders()
                        .getFirst("X-Migration-Target")));

        stubFor(get(urlPathEqualTo("/products/77")).willReturn(okJson("{\"id\":77,\"name\":\"new\"}")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (int i = 0; i < 3; i++) {
                ResponseEntity<String> read = rest.getForEntity("/api/products/77", String.class);
                assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(read.getBody()).contains("\"new\"");
            }
        });
    }

    private long counter(String name) {
        return counter("catalog", name);
    }

    private long counter(String feature, String name) {
        return counters.of(feature).get(name);
    }

    /** release-control publishes the change; returns its revision once this gateway routes by it. */
    private long switchTo(String feature, Mode mode, int percent) {
        long revision = CONTROL.change(feature, mode, percent);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> table.revision() == revision);
        return revision;
    }

    private ResponseEntity<String> admin(HttpMethod method, String path, String body) {
        return rest.exchange(path, method, new HttpEntity<>(body, jsonWith(TOKENS.admin(1))), String.class);
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    private static HttpHeaders jsonWith(String token) {
        HttpHeaders headers = token == null ? new HttpHeaders() : bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}

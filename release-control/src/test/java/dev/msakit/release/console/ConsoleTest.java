package dev.msakit.release.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.release.reconcile.SyncSidesStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' console as a browser uses it (an HTTP client keeping cookies, not redirects followed for it): the
 * login against member-service (stubbed) that lets only administrators in, a flip reviewed then confirmed, a stale
 * flip refused with a message, CSRF, and a shadow difference's two answers shown escaped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class ConsoleTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void sides(DynamicPropertyRegistry registry) {
        SyncSidesStub.SHARED.reset();
        SyncSidesStub.SHARED.register(registry);
    }

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;

    private HttpClient browser;

    @BeforeEach
    void freshBrowserAndCatalogNew() throws Exception {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> reset = send(HttpRequest.newBuilder(url("/admin/features/catalog"))
                .header("Authorization", "Bearer " + TOKENS.admin(1)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"NEW\"}")).build());
        assertThat(reset.statusCode()).isEqualTo(200);
    }

    @Test
    void nobodyWithoutAnAdministratorsLoginGetsIn() throws Exception {
        HttpResponse<String> page = get("/console", "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        // (A client of its own: this browser's session would replay its saved request, Accept included.)
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/console"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(json.readTree(api.body()).path("detail").asText()).contains("/console/login");
        for (String bearer : new String[] {TOKENS.member(7), TOKENS.admin(1)}) {
            HttpResponse<String> withToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    url("/console/features/catalog")).header("Authorization", "Bearer " + bearer)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withToken.statusCode()).as("a bearer token is no way into the console").isEqualTo(401);
        }

        HttpResponse<String> member = logIn(SyncSidesStub.MEMBER_LOGIN);
        assertThat(member.headers().firstValue("Location").orElseThrow()).contains("/console/login");
        assertThat(get("/console/login", "text/html").body()).contains("is for administrators");
        assertThat(get("/console", "text/html").statusCode()).as("still not in").isEqualTo(302);

        logIn("admin@example.com/wrong");
        assertThat(get("/console/login", "text/html").body()).contains("Wrong e-mail or password");
    }

    @Test
    void anAdministratorReviewsAndFlipsAndAStaleFlipIsRefused() throws Exception {
        HttpResponse<String> in = logIn(SyncSidesStub.ADMIN_LOGIN);
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        HttpResponse<String> features = get("/console", "text/html");
        assertThat(features.statusCode()).isEqualTo(200);
        assertThat(features.body()).contains("feature-catalog", "feature-ordering")
                .doesNotContain(TOKENS.admin(1).substring(0, 20));
        assertThat(features.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'");
        SyncSidesStub.SHARED.parkedDeadLetters(0, 2);
        try {
            assertThat(get("/console", "text/html").body()).as("each side's parked dead letters")
                    .contains("legacy-shop 0, product-service 2");
        } finally {
            SyncSidesStub.SHARED.parkedDeadLetters(0, 0);
        }
        long version = version("catalog");

        HttpResponse<String> review = post("/console/features/catalog/review", form("mode", "SHADOW",
                "version", Long.toString(version)), csrf(features.body()));
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).contains("id=\"mode-now\">NEW<", "id=\"mode-after\">SHADOW<")
                .doesNotContain("id=\"stale\"");
        assertThat(version("catalog")).as("nothing changed by a review").isEqualTo(version);

        HttpResponse<String> confirmed = post("/console/features/catalog", form("mode", "SHADOW", "version",
                Long.toString(version)), csrf(review.body()));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        JsonNode catalog = feature("catalog");
        assertThat(catalog.path("mode").asText()).isEqualTo("SHADOW");
        assertThat(catalog.path("changedBy").asText()).isEqualTo("member 1");
        assertThat(get("/console", "text/html").body()).contains("catalog is SHADOW now");

        // Someone else changes it; confirming what was reviewed on the older version changes nothing.
        long seen = version("catalog");
        HttpResponse<String> secondReview = post("/console/features/catalog/review", form("mode", "LEGACY",
                "version", Long.toString(seen)), csrf(get("/console", "text/html").body()));
        send(HttpRequest.newBuilder(url("/admin/features/catalog")).header("Authorization", "Bearer "
                + TOKENS.admin(2)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"PERCENT\",\"percent\":10}")).build());
        HttpResponse<String> stale = post("/console/features/catalog", form("mode", "LEGACY", "version",
                Long.toString(seen)), csrf(secondReview.body()));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("was changed meanwhile by member 2").contains("PERCENT");
        assertThat(feature("catalog").path("mode").asText()).isEqualTo("PERCENT");

        HttpResponse<String> releases = get("/console/releases", "text/html");
        assertThat(releases.statusCode()).isEqualTo(200);
        assertThat(releases.body()).contains("Canary releases", "id=\"releases\"");

        HttpResponse<String> noToken = post("/console/features/catalog", form("mode", "NEW", "version",
                Long.toString(version("catalog"))), null);
        assertThat(noToken.statusCode()).as("a form without the CSRF token").isEqualTo(403);
        assertThat(feature("catalog").path("mode").asText()).isEqualTo("PERCENT");
    }

    @Test
    void aShadowDifferenceShowsBothAnswersEscapedWithItsTrace() throws Exception {
        HttpResponse<String> recorded = send(HttpRequest.newBuilder(url("/internal/features/catalog/diffs"))
                .header("Authorization", "Bearer " + TOKENS.service("zuul-gateway"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"method\":\"GET\",\"path\":\"/products/7\",\"traceId\":\"4bf92f3577b34da6\","
                                + "\"differingPaths\":[\"$.name\"],\"endpoint\":\"GET /products/{id}\","
                                + "\"legacyStatus\":200,\"newStatus\":200,"
                                + "\"legacyBody\":\"{\\\"name\\\":\\\"Mug\\\"}\","
                                + "\"newBody\":\"{\\\"name\\\":\\\"<script>alert(1)</script>\\\"}\"}")).build());
        assertThat(recorded.statusCode()).isEqualTo(204);
        logIn(SyncSidesStub.ADMIN_LOGIN);

        String page = get("/console/features/catalog", "text/html").body();

        assertThat(page).contains("GET /products/7", "$.name", "{&quot;name&quot;:&quot;Mug&quot;}",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "/zipkin/traces/4bf92f3577b34da6")
                .doesNotContain("<script>alert(1)");
    }

    private HttpResponse<String> logIn(String account) throws Exception {
        String[] login = account.split("/");
        return post("/console/login", form("username", login[0], "password", login[1]),
                csrf(get("/console/login", "text/html").body()));
    }

    private long version(String feature) throws Exception {
        return feature(feature).path("version").asLong();
    }

    private JsonNode feature(String name) throws Exception {
        return json.readTree(send(HttpRequest.newBuilder(url("/admin/features/" + name))
                .header("Authorization", "Bearer " + TOKENS.admin(1)).GET().build()).body());
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page's forms").isTrue();
        return token.group(1);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url(path)).header("Accept", accept).GET().build());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, String csrf)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

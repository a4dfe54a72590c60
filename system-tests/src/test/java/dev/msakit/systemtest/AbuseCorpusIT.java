package dev.msakit.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.msakit.platform.testing.jwt.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of malformed and hostile requests through the gateway: broken and mistyped JSON, huge
 * bodies, out-of-range numbers, unknown and foreign ids, overlong and odd unicode strings, forged and tampered
 * tokens, wrong methods and media types. Every answer must be a 4xx problem+json (never a 5xx), and afterwards
 * the data must be as it was.
 */
@ExtendWith(SuiteExtension.class)
class AbuseCorpusIT {

    private static final String LONG = "x".repeat(10_000);
    /** Strings that have broken parsers, databases and log formats before. */
    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "\uD83D\uDE00", "\uFEFF", "\u202Etxt",
            "e\u0301", "Robert'); DROP TABLE member;--", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "%00%0d%0a", "\\\\u0000", "💥".repeat(300), LONG);
    /** Bodies that are not the JSON object an endpoint expects. */
    private static final List<String> BROKEN_JSON = List.of("", "{", "}", "[]", "null", "42", "\"text\"",
            "{\"a\":", "{'single':'quotes'}", "{\"a\":1,}", "\u0000{}", "{\"a\":\"\\uZZZZ\"}",
            "[".repeat(5000) + "]".repeat(5000), "{\"x\":" + "1".repeat(400) + "}");

    @Test
    void everyMalformedOrHostileRequestGetsA4xxProblemAndChangesNothing(Suite suite) {
        Scenario scenario = new Scenario(suite);
        String api = suite.gatewayUrl() + "/api";
        String member = scenario.newMemberToken();
        String other = scenario.newMemberToken();
        String admin = scenario.adminToken();
        long productId = scenario.newProduct(admin, 50);
        String othersOrder = scenario.order(other, productId).json().path("id").asText();
        String ownOrder = scenario.order(member, productId).json().path("id").asText();
        JsonNode before = snapshot(api, member, other, productId);

        List<Case> corpus = new ArrayList<>();
        // Broken JSON and wrong media types on every endpoint that takes a body.
        Map<String, String> bodyEndpoints = new LinkedHashMap<>();
        bodyEndpoints.put("/members", null);
        bodyEndpoints.put("/auth/token", null);
        bodyEndpoints.put("/products", admin);
        bodyEndpoints.put("/products/" + productId, admin);
        bodyEndpoints.put("/orders", member);
        bodyEndpoints.forEach((path, token) -> {
            String method = path.startsWith("/products/") ? "PUT" : "POST";
            for (String body : BROKEN_JSON) {
                corpus.add(new Case(method, path, token, "application/json", body));
            }
            corpus.add(new Case(method, path, token, "text/plain", "{}"));
            corpus.add(new Case(method, path, token, "application/xml", "<a/>"));
            corpus.add(new Case(method, path, token, null, "{}"));
            // Far more than any request needs: refused, not buffered into a failure.
            corpus.add(new Case(method, path, token, "application/json",
                    "{\"name\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}"));
        });
        // Wrong types, missing fields and out-of-range values, field by field (each value is invalid there).
        List<String> notAnything = List.of("null", "\"abc\"", "[]", "{}", "true", "1e309");
        for (String quantity : with(notAnything, "\"\"", "-1", "0", "1.5", "1001", "2147483648", "\"2\"")) {
            corpus.add(new Case("POST", "/orders", member, "application/json",
                    "{\"items\":[{\"productId\":" + productId + ",\"quantity\":" + quantity + "}]}"));
        }
        for (String id : with(notAnything, "-1", "0", "1.5", "9223372036854775808", "\"" + productId + "\"")) {
            corpus.add(new Case("POST", "/orders", member, "application/json",
                    "{\"items\":[{\"productId\":" + id + ",\"quantity\":1}]}"));
        }
        for (String items : with(notAnything, "\"\"", "-1", "[null]", "[1]", "[[]]")) {
            corpus.add(new Case("POST", "/orders", member, "application/json", "{\"items\":" + items + "}"));
        }
        for (String price : with(notAnything, "\"\"", "-1", "-0.01", "12345678901", "1.234", "\"1.00\"")) {
            corpus.add(new Case("POST", "/products", admin, "application/json",
                    "{\"name\":\"P\",\"price\":" + price + ",\"stock\":1}"));
        }
        for (String stock : with(notAnything, "-1", "1.5", "1000001", "2147483648", "9223372036854775808")) {
            corpus.add(new Case("POST", "/products", admin, "application/json",
                    "{\"name\":\"P\",\"price\":1.00,\"stock\":" + stock + "}"));
        }
        corpus.add(new Case("POST", "/orders", member, "application/json", "{\"items\":[]}"));
        corpus.add(new Case("POST", "/orders", member, "application/json",
                "{\"items\":[{\"productId\":" + Long.MAX_VALUE + ",\"quantity\":1}]}"));
        corpus.add(new Case("POST", "/orders", member, "application/json",
                Scenario.orderOf(productId, 1000000)));
        StringBuilder many = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 5000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"productId\":").append(productId).append(",\"quantity\":1}");
        }
        corpus.add(new Case("POST", "/orders", member, "application/json", many.append("]}").toString()));
        // Odd and overlong strings in every text field.
        for (String text : ODD_STRINGS) {
            String quoted = Http.JSON.valueToTree(text).toString();
            corpus.add(new Case("POST", "/members", null, "application/json",
                    "{\"email\":" + quoted + ",\"password\":\"password-123\",\"name\":\"N\"}"));
            corpus.add(new Case("POST", "/auth/token", null, "application/json",
                    "{\"email\":" + quoted + ",\"password\":" + quoted + "}"));
            corpus.add(new Case("POST", "/products", admin, "application/json",
                    "{\"name\":" + quoted + ",\"price\":1.00,\"stock\":1,\"description\":\"" + LONG + "\"}"));
        }
        corpus.add(new Case("POST", "/members", null, "application/json",
                "{\"email\":\"a@b.c\",\"password\":\"" + LONG + "\",\"name\":\"N\"}"));
        // Ids that are not ids, do not exist, or belong to someone else.
        for (String id : List.of("abc", "-1", "0", "1.5", "99999999999999999999", "%00", "..%2F..%2Factuator",
                "%F0%9F%98%80", LONG.substring(0, 2000), UUID.randomUUID().toString(), othersOrder)) {
            corpus.add(new Case("GET", "/orders/" + id, member, null, null));
            corpus.add(new Case("POST", "/orders/" + id + "/cancel", member, null, null));
            corpus.add(new Case("GET", "/products/" + id, null, null, null));
            corpus.add(new Case("GET", "/members/" + id, member, null, null));
        }
        corpus.add(new Case("GET", "/products/" + Long.MAX_VALUE, null, null, null));
        // Paths the security firewall refuses before any route: 400 problems, not 500s.
        for (String path : List.of("/products/..;/internal/catalog", "/products/1;jsessionid=x",
                "/products/%2e%2e/internal/catalog", "/products%2F1", "/orders/%5C..%5Cinternal")) {
            corpus.add(new Case("GET", path, null, null, null));
            corpus.add(new Case("POST", path, member, "application/json", "{}"));
        }
        for (String query : List.of("page=-1", "size=-5", "size=0", "size=100000", "page=abc", "size=1e3")) {
            corpus.add(new Case("GET", "/products?" + query, null, null, null));
            corpus.add(new Case("GET", "/orders?" + query, member, null, null));
        }
        // Forged, tampered and misplaced credentials on a protected route.
        String[] parts = member.split("\\.");
        String otherClaims = new String(Base64.getUrlDecoder().decode(other.split("\\.")[1]), StandardCharsets.UTF_8);
        for (String token : List.of(
                parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(otherClaims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2],
                parts[0] + "." + parts[1] + "." + flip(parts[2]),
                parts[0] + "." + parts[1] + ".", parts[0] + "." + parts[1], "garbage", "a.b.c", "",
                TestTokens.unsigned(1), TestTokens.hmacSigned(1), TestTokens.signedByStranger(1), LONG)) {
            corpus.add(new Case("GET", "/orders", token, null, null));
            corpus.add(new Case("POST", "/orders", token, "application/json",
                    Scenario.orderOf(productId, 1)));
        }
        // A member using admin and service endpoints, and methods that do not exist.
        corpus.add(new Case("POST", "/products", member, "application/json", "{\"name\":\"P\",\"price\":1,\"stock\":1}"));
        corpus.add(new Case("PUT", "/products/" + productId, member, "application/json",
                "{\"name\":\"P\",\"price\":1,\"stock\":1000}"));
        corpus.add(new Case("DELETE", "/products/" + productId, member, null, null));
        corpus.add(new Case("POST", "/auth/service-token", null, "application/json",
                "{\"clientId\":\"order-service\",\"secret\":\"guess\"}"));
        corpus.add(new Case("DELETE", "/orders/" + ownOrder, member, null, null));
        corpus.add(new Case("PUT", "/orders", member, "application/json", "{}"));
        corpus.add(new Case("GET", "/internal/catalog?ids=1", member, null, null));
        corpus.add(new Case("GET", "/no-such-route", member, null, null));

        List<String> violations = new ArrayList<>();
        for (Case c : corpus) {
            Http.Response response = c.send(api);
            boolean problem = response.contentType.startsWith("application/problem+json");
            if (response.status < 400 || response.status >= 500 || !problem) {
                violations.add(c + " -> " + response.status + " " + response.contentType + " "
                        + response.body.substring(0, Math.min(200, response.body.length())));
            }
        }
        System.out.println("Abuse corpus: " + corpus.size() + " requests, " + violations.size() + " violations");
        assertThat(violations).as(corpus.size() + " cases").isEmpty();
        assertThat(snapshot(api, member, other, productId)).isEqualTo(before);
    }

    /**
     * Request bodies are limited to 1 MB at the gateway and in the services: 16 clients sending 8 MB each at once get
     * 413 problems (the gateway discards what they send instead of buffering it), and it goes on serving.
     */
    @Test
    void concurrentOversizedBodiesAreRefusedWith413AndTheGatewayStaysUp(Suite suite) throws Exception {
        String api = suite.gatewayUrl() + "/api";
        byte[] eightMegabytes = ("{\"name\":\"" + "a".repeat(8 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(senders.submit(() -> client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(api + "/members"))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(eightMegabytes)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())));
        }
        for (java.util.concurrent.Future<java.net.http.HttpResponse<String>> answer : answers) {
            java.net.http.HttpResponse<String> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        senders.shutdown();

        assertThat(suite.gateway.isAlive()).isTrue();
        assertThat(Http.get(api + "/products?size=1", null).status).isEqualTo(200);
        // The services refuse it on their own port too.
        assertThat(Http.raw("POST", suite.member.url() + "/members", Map.of("Content-Type", "application/json"),
                java.util.Arrays.copyOf(eightMegabytes, 2 * 1024 * 1024)).status).isEqualTo(413);
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }

    private static String flip(String signature) {
        char last = signature.charAt(signature.length() / 2);
        return signature.substring(0, signature.length() / 2) + (last == 'A' ? 'B' : 'A')
                + signature.substring(signature.length() / 2 + 1);
    }

    private static final class Case {
        final String method;
        final String path;
        final String token;
        final String contentType;
        final String body;

        Case(String method, String path, String token, String contentType, String body) {
            this.method = method;
            this.path = path;
            this.token = token;
            this.contentType = contentType;
            this.body = body;
        }

        Http.Response send(String api) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json");
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return Http.raw(method, api + path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : " " + body.substring(0, Math.min(60, body.length()));
            return method + " " + path.substring(0, Math.min(80, path.length())) + (token == null ? "" : " (token)")
                    + (contentType == null ? "" : " [" + contentType + "]") + shown;
        }
    }

    /**
     * What a hostile request must not change: the product and its stock, both members' orders that hold stock
     * (CONFIRMED or CANCELLED), the catalog size. An order product-service rejects (a well-formed request for more
     * than the stock) is kept as REJECTED on purpose, as the member's record of the attempt, so REJECTED orders are
     * left out of the comparison.
     */
    private static JsonNode snapshot(String api, String member, String other, long productId) {
        ObjectNode snapshot = Http.JSON.createObjectNode();
        snapshot.set("product", Http.get(api + "/products/" + productId, null).json());
        snapshot.set("memberOrders", holdingStock(Http.get(api + "/orders?size=100", member).json()));
        snapshot.set("otherOrders", holdingStock(Http.get(api + "/orders?size=100", other).json()));
        snapshot.set("catalogSize", Http.get(api + "/products?size=1", null).json().path("totalElements"));
        return snapshot;
    }

    private static ArrayNode holdingStock(JsonNode page) {
        ArrayNode kept = Http.JSON.createArrayNode();
        page.path("content").forEach(order -> {
            if (!"REJECTED".equals(order.path("status").asText())) {
                kept.add(order);
            }
        });
        return kept;
    }
}

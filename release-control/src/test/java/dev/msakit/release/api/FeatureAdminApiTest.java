package dev.msakit.release.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.release.reconcile.SyncSidesStub;
import org.junit.jupiter.api.BeforeEach;
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

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

/** The switches' admin API on a real database: ETags, If-Match, history, and what it refuses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class FeatureAdminApiTest {

    /** Both sides of the migration, for the flip gate (one per test JVM: see SyncSidesStub). */
    @DynamicPropertySource
    static void sides(DynamicPropertyRegistry registry) {
        SyncSidesStub.SHARED.reset();
        SyncSidesStub.SHARED.register(registry);
    }


    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;

    @BeforeEach
    void catalogNew() {
        assertThat(put("catalog", "{\"mode\":\"NEW\"}", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aChangeWithTheVersionSeenIsAppliedTaggedAndRecordedAsConditional() throws Exception {
        ResponseEntity<String> seen = admin(HttpMethod.GET, "/admin/features/catalog", null, null);
        String etag = seen.getHeaders().getETag();
        assertThat(etag).isEqualTo("\"" + body(seen).path("version").asLong() + "\"");

        ResponseEntity<String> changed = put("catalog", "{\"mode\":\"PERCENT\",\"percent\":25}", etag);

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode after = body(changed);
        assertThat(after.path("mode").asText()).isEqualTo("PERCENT");
        assertThat(after.path("percent").asInt()).isEqualTo(25);
        assertThat(after.path("changedBy").asText()).isEqualTo("member 1");
        assertThat(after.path("version").asLong()).isGreaterThan(body(seen).path("version").asLong());
        assertThat(changed.getHeaders().getETag()).isEqualTo("\"" + after.path("version").asLong() + "\"");
        assertThat(changed.getHeaders().getFirst(RoutingTable.REVISION_HEADER))
                .isEqualTo(Long.toString(after.path("version").asLong()));
        JsonNode last = body(admin(HttpMethod.GET, "/admin/features/catalog/history", null, null)).get(0);
        assertThat(last.path("mode").asText()).isEqualTo("PERCENT");
        assertThat(last.path("conditional").asBoolean()).isTrue();
        assertThat(last.path("ifMatch").asLong()).isEqualTo(body(seen).path("version").asLong());
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndTheCurrentVersionAndChangesNothing() throws Exception {
        String stale = admin(HttpMethod.GET, "/admin/features/catalog", null, null).getHeaders().getETag();
        JsonNode meanwhile = body(put("catalog", "{\"mode\":\"LEGACY\"}", stale));

        ResponseEntity<String> refused = put("catalog", "{\"mode\":\"SHADOW\"}", stale);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(body(refused).path("currentVersion").asLong()).isEqualTo(meanwhile.path("version").asLong());
        assertThat(body(refused).path("detail").asText()).contains("catalog");
        assertThat(refused.getHeaders().getETag()).isEqualTo("\"" + meanwhile.path("version").asLong() + "\"");
        JsonNode now = body(admin(HttpMethod.GET, "/admin/features/catalog", null, null));
        assertThat(now.path("mode").asText()).isEqualTo("LEGACY");
        assertThat(now.path("version").asLong()).isEqualTo(meanwhile.path("version").asLong());
        // A tag that is no version of ours matches nothing either.
        assertThat(put("catalog", "{\"mode\":\"NEW\"}", "W/\"abc\"").getStatusCode())
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);
    }

    @Test
    void aChangeWithoutIfMatchIsAllowedAndRecordedAsUnconditional() throws Exception {
        ResponseEntity<String> changed = put("catalog", "{\"mode\":\"LEGACY\"}", null);

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode last = body(admin(HttpMethod.GET, "/admin/features/catalog/history", null, null)).get(0);
        assertThat(last.path("mode").asText()).isEqualTo("LEGACY");
        assertThat(last.path("conditional").asBoolean()).isFalse();
        assertThat(last.has("ifMatch")).isFalse();
    }

    @Test
    void theListIsTaggedWithTheTableRevisionAndAnsweredNotModifiedWhileItHolds() throws Exception {
        ResponseEntity<String> list = admin(HttpMethod.GET, "/admin/features", null, null);
        assertThat(body(list)).hasSize(2);
        String revision = list.getHeaders().getETag();

        HttpHeaders conditional = headers(TOKENS.admin(1));
        conditional.setIfNoneMatch(revision);
        assertThat(rest.exchange("/admin/features", HttpMethod.GET, new HttpEntity<>(conditional), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        put("catalog", "{\"mode\":\"LEGACY\"}", null);
        assertThat(rest.exchange("/admin/features", HttpMethod.GET, new HttpEntity<>(conditional), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void badChangesAndWrongCallersAreRefusedWithAProblemAndChangeNothing() throws Exception {
        long version = body(admin(HttpMethod.GET, "/admin/features/catalog", null, null)).path("version").asLong();

        assertProblem(put("nosuch", "{\"mode\":\"NEW\"}", null), HttpStatus.NOT_FOUND, "nosuch");
        assertProblem(put("catalog", "{\"mode\":\"PERCENT\",\"percent\":101}", null), HttpStatus.BAD_REQUEST,
                "percent");
        assertProblem(put("catalog", "{\"mode\":\"PERCENT\"}", null), HttpStatus.BAD_REQUEST, "percent");
        assertProblem(put("catalog", "{\"mode\":\"SIDEWAYS\"}", null), HttpStatus.BAD_REQUEST, null);
        assertProblem(put("catalog", "{\"mode\":", null), HttpStatus.BAD_REQUEST, null);
        assertProblem(put("catalog", "{}", null), HttpStatus.BAD_REQUEST, "mode");
        assertProblem(call(HttpMethod.PUT, "/admin/features/catalog", "{\"mode\":\"LEGACY\"}", TOKENS.member(7)),
                HttpStatus.FORBIDDEN, null);
        assertProblem(call(HttpMethod.PUT, "/admin/features/catalog", "{\"mode\":\"LEGACY\"}",
                TOKENS.service("zuul-gateway")), HttpStatus.FORBIDDEN, null);
        ResponseEntity<String> anonymous = call(HttpMethod.PUT, "/admin/features/catalog", "{\"mode\":\"LEGACY\"}",
                null);
        assertProblem(anonymous, HttpStatus.UNAUTHORIZED, null);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertProblem(call(HttpMethod.GET, "/admin/features", null, null), HttpStatus.UNAUTHORIZED, null);
        // The gateways' side is for service accounts only.
        assertProblem(call(HttpMethod.GET, "/internal/routing-table", null, TOKENS.admin(1)), HttpStatus.FORBIDDEN,
                null);

        JsonNode after = body(admin(HttpMethod.GET, "/admin/features/catalog", null, null));
        assertThat(after.path("version").asLong()).isEqualTo(version);
        assertThat(after.path("mode").asText()).isEqualTo("NEW");
    }

    @Test
    void gatewayReportsAreSummedPerFeatureAndListedWithTheRevisionEachRoutesBy() throws Exception {
        long revision = body(service(HttpMethod.GET, "/internal/routing-table", null)).path("revision").asLong();
        assertThat(service(HttpMethod.PUT, "/internal/gateways/gw-a", "{\"appliedRevision\":" + revision
                + ",\"counters\":{\"catalog\":{\"routed.new\":5,\"shadow.compared\":2}}}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(service(HttpMethod.PUT, "/internal/gateways/gw-b", "{\"appliedRevision\":" + (revision - 1)
                + ",\"counters\":{\"catalog\":{\"routed.new\":7}}}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode catalog = body(admin(HttpMethod.GET, "/admin/features/catalog", null, null));
        assertThat(catalog.path("counters").path("routed.new").asLong()).isEqualTo(12);
        assertThat(catalog.path("counters").path("shadow.compared").asLong()).isEqualTo(2);
        assertThat(catalog.path("countersByGateway").path("gw-b").path("routed.new").asLong()).isEqualTo(7);
        JsonNode gateways = body(admin(HttpMethod.GET, "/admin/gateways", null, null));
        assertThat(gateways.findValuesAsText("instanceId")).contains("gw-a", "gw-b");
        for (JsonNode gateway : gateways) {
            if (gateway.path("instanceId").asText().equals("gw-a")) {
                assertThat(gateway.path("current").asBoolean()).isTrue();
            }
            if (gateway.path("instanceId").asText().equals("gw-b")) {
                assertThat(gateway.path("current").asBoolean()).isFalse();
            }
        }
        assertProblem(service(HttpMethod.PUT, "/internal/gateways/bad%20id", "{\"appliedRevision\":1}"),
                HttpStatus.BAD_REQUEST, null);
    }

    @Test
    void shadowDifferencesReportedByGatewaysAreListedNewestFirst() throws Exception {
        assertThat(service(HttpMethod.POST, "/internal/features/catalog/diffs", "{\"method\":\"GET\","
                + "\"path\":\"/products/3\",\"traceId\":\"abc\",\"differingPaths\":[\"$.price\"]}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(service(HttpMethod.POST, "/internal/features/catalog/diffs", "{\"method\":\"GET\","
                + "\"path\":\"/products/4\",\"differingPaths\":[\"$.name\",\"$.stock\"]}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(service(HttpMethod.POST, "/internal/features/catalog/diffs", "{\"method\":\"GET\","
                + "\"path\":\"/products/5\",\"endpoint\":\"GET /products/{id}\",\"legacyStatus\":200,"
                + "\"newError\":\"SocketTimeoutException: Read timed out\",\"differingPaths\":[\"status\"]}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode timedOut = body(admin(HttpMethod.GET, "/admin/features/catalog/diffs", null, null)).get(0);
        assertThat(timedOut.path("legacyStatus").asInt()).isEqualTo(200);
        assertThat(timedOut.path("newStatus").isNull()).isTrue();
        assertThat(timedOut.path("newError").asText()).contains("timed out");
        assertThat(timedOut.path("endpoint").asText()).isEqualTo("GET /products/{id}");

        JsonNode diffs = body(admin(HttpMethod.GET, "/admin/features/catalog/diffs", null, null));
        assertThat(diffs.get(1).path("path").asText()).isEqualTo("/products/4");
        assertThat(diffs.get(1).path("differingPaths").toString()).isEqualTo("[\"$.name\",\"$.stock\"]");
        assertThat(diffs.get(2).path("traceId").asText()).isEqualTo("abc");
        assertProblem(service(HttpMethod.POST, "/internal/features/catalog/diffs", "{\"path\":\"/x\"}"),
                HttpStatus.BAD_REQUEST, null);
        assertProblem(service(HttpMethod.POST, "/internal/features/nosuch/diffs",
                "{\"method\":\"GET\",\"path\":\"/x\",\"differingPaths\":[]}"), HttpStatus.NOT_FOUND, "nosuch");
    }

    /**
     * Each gateway reports its shadow comparisons per endpoint and field; release-control sums them and gives the
     * rates: a field legacy itself changes as often (a timestamp) is noise, one only the new side gets wrong is not.
     */
    @Test
    void shadowComparisonsOfEveryGatewayAreSummedIntoRatesPerEndpointAndField() throws Exception {
        long revision = body(admin(HttpMethod.GET, "/admin/features/catalog", null, null)).path("version").asLong();
        for (String gateway : new String[] {"gw-a", "gw-b"}) {
            assertThat(service(HttpMethod.PUT, "/internal/gateways/" + gateway, "{\"appliedRevision\":" + revision
                    + ",\"counters\":{},\"shadow\":{\"catalog\":[{\"endpoint\":\"GET /products/{id}\","
                    + "\"compared\":50,\"fields\":{\"$.servedAt\":{\"differing\":50,\"noise\":50},"
                    + "\"$.price\":{\"differing\":5,\"noise\":0},\"status\":{\"differing\":1,\"noise\":0}}}]}}")
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }

        JsonNode endpoint = body(admin(HttpMethod.GET, "/admin/features/catalog/shadow", null, null)).get(0);

        assertThat(endpoint.path("endpoint").asText()).isEqualTo("GET /products/{id}");
        assertThat(endpoint.path("compared").asLong()).isEqualTo(100);
        JsonNode servedAt = endpoint.path("fields").get(0);
        assertThat(servedAt.path("field").asText()).isEqualTo("$.servedAt");
        assertThat(servedAt.path("verdict").asText()).isEqualTo("noise");
        JsonNode price = endpoint.path("fields").get(1);
        assertThat(price.path("field").asText()).isEqualTo("$.price");
        assertThat(price.path("differenceRate").asDouble()).isEqualTo(0.1);
        assertThat(price.path("verdict").asText()).isEqualTo("difference");
        assertThat(endpoint.path("fields").get(2).path("field").asText()).isEqualTo("status");
    }

    private ResponseEntity<String> put(String feature, String body, String ifMatch) {
        return admin(HttpMethod.PUT, "/admin/features/" + feature, body, ifMatch);
    }

    private ResponseEntity<String> admin(HttpMethod method, String path, String body, String ifMatch) {
        HttpHeaders headers = headers(TOKENS.admin(1));
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> service(HttpMethod method, String path, String body) {
        return call(method, path, body, TOKENS.service("zuul-gateway"));
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String body, String token) {
        return rest.exchange(path, method, new HttpEntity<>(body, headers(token)), String.class);
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String detailMentions)
            throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        if (detailMentions != null) {
            assertThat(body(response).path("detail").asText()).contains(detailMentions);
        }
    }
}

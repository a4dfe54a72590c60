package dev.msakit.gateway.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Diffy-grade comparison of two answers: status, compared headers, JSON body; noise judged on rates. */
class ShadowComparisonTest {

    private static final List<String> CONTENT_TYPE = List.of("Content-Type");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void identicalAnswersHaveNoDifference() throws Exception {
        ShadowAnswer legacy = ok("{\"content\":[{\"id\":1,\"price\":12.50,\"name\":\"Mug\"}],\"totalElements\":1}");
        ShadowAnswer candidate = ok("{\"content\":[{\"id\":1,\"price\":12.5,\"name\":\"Mug\"}],\"totalElements\":1}");

        assertThat(ShadowComparison.differingFields(legacy, candidate, Set.of(), CONTENT_TYPE)).isEmpty();
    }

    @Test
    void namesTheExactFieldsThatDiffer() throws Exception {
        ShadowAnswer legacy = ok("{\"content\":[{\"id\":1,\"price\":12.50,\"name\":\"Mug\"},{\"id\":2}],\"page\":0}");
        ShadowAnswer candidate = ok("{\"content\":[{\"id\":1,\"price\":13.00,\"name\":\"Mug\"}],\"page\":0}");

        assertThat(ShadowComparison.differingFields(legacy, candidate, Set.of(), CONTENT_TYPE))
                .containsExactly("$.content[0].price", "$.content[1]");
    }

    /** What a shadow run exists to find: the new side failing (or silent) where legacy answers. */
    @Test
    void aNewSideErrorOrNoAnswerDiffersInStatusAndAHeaderIsCompared() throws Exception {
        ShadowAnswer legacy = ok("{\"id\":1}");

        assertThat(ShadowComparison.differingFields(legacy, ShadowAnswer.of(500, Map.of("content-type",
                "application/problem+json"), read("{\"status\":500}")), Set.of(), CONTENT_TYPE))
                .contains("status", "header content-type", "$.id");
        assertThat(ShadowComparison.differingFields(legacy, ShadowAnswer.none("SocketTimeoutException: Read timed"
                + " out"), Set.of(), CONTENT_TYPE)).containsExactly("$", "header content-type", "status");
        assertThat(ShadowComparison.differingFields(legacy, ShadowAnswer.of(200, Map.of("CONTENT-TYPE",
                "Application/JSON "), read("{\"id\":1}")), Set.of(), CONTENT_TYPE)).as("header values compared"
                + " case-insensitively").isEmpty();
    }

    @Test
    void ignoredFieldsAreSkippedAndAMissingFieldEqualsAnExplicitNullButNotAValue() throws Exception {
        assertThat(ShadowComparison.differingFields(ok("{\"reason\":null,\"requestId\":\"a\"}"),
                ok("{\"requestId\":\"b\"}"), Set.of("requestId"), CONTENT_TYPE)).isEmpty();
        assertThat(ShadowComparison.differingFields(ok("{\"reason\":\"x\"}"), ok("{}"), Set.of(), CONTENT_TYPE))
                .containsExactly("$.reason");
    }

    /**
     * Noise is judged on rates: a field that legacy itself changes from one answer to the next (a timestamp) is
     * noise on every request; a field the new side gets wrong on some requests, with legacy never differing from
     * itself there, is not — even when one request also happens to see legacy differ in it.
     */
    @Test
    void aFieldIsNoiseWhenLegacyDiffersInItAtAComparableRate() {
        ShadowStatsTable stats = new ShadowStatsTable();
        String endpoint = ShadowStatsTable.endpoint("GET", "/products/42?fields=all");
        for (int i = 0; i < 20; i++) {
            stats.record("catalog", endpoint, Set.of("$.servedAt", "$.price"), Set.of("$.servedAt"));
        }
        stats.record("catalog", endpoint, Set.of("$.price"), Set.of("$.price"));

        assertThat(endpoint).isEqualTo("GET /products/{id}");
        assertThat(stats.isNoise("catalog", endpoint, "$.servedAt")).isTrue();
        assertThat(stats.isNoise("catalog", endpoint, "$.price")).isFalse();
        assertThat(stats.snapshot().get("catalog").get(0).getCompared()).isEqualTo(21);
        assertThat(ShadowStatsTable.endpoint("GET", "/orders/0b3c1f2e-8a9d-4e5f-9a7b-1c2d3e4f5a6b/cancel"))
                .isEqualTo("GET /orders/{id}/cancel");
    }

    @Test
    void arrayIndexesCountAsOneFieldAndTheTableStaysBounded() {
        ShadowStatsTable stats = new ShadowStatsTable();
        stats.record("catalog", "GET /products", Set.of("$.content[0].price", "$.content[7].price"), Set.of());
        for (int i = 0; i < ShadowStatsTable.MAX_ENDPOINTS + 50; i++) {
            stats.record("catalog", "GET /products/x" + i, Set.of(), Set.of());
        }

        assertThat(stats.snapshot().get("catalog")).hasSize(ShadowStatsTable.MAX_ENDPOINTS);
        assertThat(stats.snapshot().get("catalog").stream().filter(s -> s.getEndpoint().equals("GET /products"))
                .findFirst().orElseThrow().getFields()).containsOnlyKeys("$.content[*].price");
    }

    private ShadowAnswer ok(String body) throws Exception {
        return ShadowAnswer.of(200, Map.of("Content-Type", "application/json"), read(body));
    }

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }
}

package dev.msakit.gateway.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShadowComparisonTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void identicalAnswersHaveNoDifference() throws Exception {
        JsonNode page = read("{\"content\":[{\"id\":1,\"price\":12.50,\"name\":\"Mug\"}],\"totalElements\":1}");

        assertThat(ShadowComparison.differences(page, page, read("{\"content\":[{\"id\":1,\"price\":12.5,"
                + "\"name\":\"Mug\"}],\"totalElements\":1}"), Set.of())).isEmpty();
    }

    @Test
    void namesTheExactFieldsThatDiffer() throws Exception {
        JsonNode legacy = read("{\"content\":[{\"id\":1,\"price\":12.50,\"name\":\"Mug\"},{\"id\":2}],\"page\":0}");
        JsonNode candidate = read("{\"content\":[{\"id\":1,\"price\":13.00,\"name\":\"Mug\"}],\"page\":0}");

        assertThat(ShadowComparison.differences(legacy, legacy, candidate, Set.of()))
                .containsExactly("$.content[0].price", "$.content[1]");
    }

    @Test
    void fieldsThatDifferBetweenTwoLegacyAnswersAreNoiseAndIgnoredFieldsAreSkipped() throws Exception {
        JsonNode legacy = read("{\"id\":1,\"servedAt\":\"10:00:01\",\"requestId\":\"a\",\"stock\":5}");
        JsonNode legacyAgain = read("{\"id\":1,\"servedAt\":\"10:00:02\",\"requestId\":\"a\",\"stock\":5}");
        JsonNode candidate = read("{\"id\":1,\"servedAt\":\"10:00:03\",\"requestId\":\"b\",\"stock\":4}");

        assertThat(ShadowComparison.differences(legacy, legacyAgain, candidate, Set.of("requestId")))
                .containsExactly("$.stock");
    }

    @Test
    void aMissingFieldEqualsAnExplicitNullButNotAValue() throws Exception {
        assertThat(ShadowComparison.differences(read("{\"reason\":null}"), null, read("{}"), Set.of())).isEmpty();
        assertThat(ShadowComparison.differences(read("{\"reason\":\"x\"}"), null, read("{}"), Set.of()))
                .containsExactly("$.reason");
    }
}

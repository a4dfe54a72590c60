package dev.msakit.release.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.release.canary.CanaryReleases;
import dev.msakit.release.canary.NoReleaseException;
import dev.msakit.release.reconcile.SyncSidesStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.mock.mockito.MockBean;
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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

/**
 * The judge's endpoints as Argo Rollouts and Flagger call them (the request shapes of their docs: a web metric's GET
 * with a header, a webhook's POST with name, namespace, phase, checksum and metadata), over the real HTTP stack and
 * security; the releases themselves are stubbed (their judging is CanaryAdminApiTest's and the simulation's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "release-control.analysis.key=test-analysis-key")
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class AnalysisContractTest {

    @DynamicPropertySource
    static void sides(DynamicPropertyRegistry registry) {
        SyncSidesStub.SHARED.register(registry);
    }

    @MockBean
    private CanaryReleases releases;
    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;

    @BeforeEach
    void releases() {
        when(releases.latest("product-service")).thenReturn(release(1, "product-service", "RUNNING", "PASS"));
        when(releases.latest("order-service")).thenReturn(release(2, "order-service", "ROLLED_BACK", "FAIL"));
        when(releases.latest("member-service")).thenReturn(release(3, "member-service", "RUNNING", "MARGINAL"));
        when(releases.latest("legacy-shop")).thenThrow(new NoReleaseException("legacy-shop"));
    }

    /** Argo Rollouts' web provider: GET the url with the template's headers, jsonPath {$.verdict}. */
    @Test
    void anArgoWebMetricReadsPassFailOrInconclusive() throws Exception {
        assertThat(argo("product-service").path("verdict").asText()).isEqualTo("pass");
        assertThat(argo("order-service").path("verdict").asText()).isEqualTo("fail");
        assertThat(argo("member-service").path("verdict").asText()).isEqualTo("inconclusive");
        ResponseEntity<String> none = get("/analysis/legacy-shop", "test-analysis-key");
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    /** Flagger's webhook payload (its docs' example, with the service in metadata): 200 passes, anything else fails. */
    @Test
    void aFlaggerWebhookPassesOnlyAPassingRelease() throws Exception {
        ResponseEntity<String> passing = flagger("{\"name\":\"product-service\",\"namespace\":\"msa\","
                + "\"phase\":\"Progressing\",\"checksum\":\"85d557f47b\",\"metadata\":{\"test\":\"all\","
                + "\"key\":\"test-analysis-key\"}}");
        assertThat(passing.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(passing.getBody()).path("releaseId").asLong()).isEqualTo(1);

        ResponseEntity<String> failing = flagger("{\"name\":\"podinfo\",\"namespace\":\"msa\",\"phase\":"
                + "\"Progressing\",\"metadata\":{\"service\":\"order-service\",\"key\":\"test-analysis-key\"}}");
        assertThat(failing.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(json.readTree(failing.getBody()).path("verdict").asText()).isEqualTo("fail");
        assertThat(flagger("{\"namespace\":\"msa\",\"metadata\":{\"key\":\"test-analysis-key\"}}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(flagger("{\"name\":\"product-service\",\"metadata\":{\"key\":\"wrong\"}}").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void withoutTheKeyNothingIsAnsweredAndNoTokenIsAskedFor() {
        assertThat(get("/analysis/product-service", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/analysis/product-service", "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/analysis/product-service/extra", "test-analysis-key").getStatusCode())
                .as("only the two endpoints are open without a token").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode argo(String service) throws Exception {
        ResponseEntity<String> answer = get("/analysis/" + service, "test-analysis-key");
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> get(String path, String key) {
        HttpHeaders headers = new HttpHeaders();
        if (key != null) {
            headers.set(AnalysisController.KEY_HEADER, key);
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** As Flagger sends it: no headers but the content type (the key in the payload's metadata). */
    private ResponseEntity<String> flagger(String payload) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange("/analysis/flagger", HttpMethod.POST, new HttpEntity<>(payload, headers),
                String.class);
    }

    private static Map<String, Object> release(long id, String service, String status, String classification) {
        return Map.of("id", id, "service", service, "status", status, "intervals",
                List.of(Map.of("classification", classification, "score", 90.0)));
    }
}

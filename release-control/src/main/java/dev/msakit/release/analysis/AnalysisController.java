package dev.msakit.release.analysis;

import dev.msakit.platform.problem.ApiException;
import dev.msakit.release.canary.CanaryReleases;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The judge's verdict on a service's release, for Kubernetes progressive-delivery controllers, at release-control's
 * own port (never through the gateway), with the {@code X-Analysis-Key} header ({@code ANALYSIS_KEY}; the endpoints
 * answer 404 while it is unset):
 * <ul>
 *   <li>{@code GET /analysis/{service}}: what an Argo Rollouts {@code web} metric reads
 *   ({@code jsonPath: "{$.verdict}"}, {@code successCondition: result == "pass"},
 *   {@code failureCondition: result == "fail"}; anything else is inconclusive).</li>
 *   <li>{@code POST /analysis/flagger}: a Flagger webhook (its payload: name, namespace, phase, checksum, metadata;
 *   the key in the header or as metadata.key). 200 means the check passed, 412 that it did not (Flagger counts any
 *   non-2xx as a failed check).</li>
 * </ul>
 */
@RestController
@RequestMapping("/analysis")
public class AnalysisController {

    public static final String KEY_HEADER = "X-Analysis-Key";

    private final CanaryReleases releases;
    private final byte[] key;

    public AnalysisController(CanaryReleases releases, AnalysisProperties properties) {
        this.releases = releases;
        this.key = properties.getKey() == null ? new byte[0] : properties.getKey().getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/{service}")
    public AnalysisVerdict verdict(@PathVariable String service,
                                   @RequestHeader(value = KEY_HEADER, required = false) String presented) {
        requireKey(presented);
        return AnalysisVerdict.of(releases.latest(service));
    }

    /**
     * The release is the one of {@code metadata.service}, else of the canary's name (the Deployment's). Flagger sends
     * no headers of its own on a webhook: the key may come as {@code metadata.key} instead.
     */
    @PostMapping("/flagger")
    public ResponseEntity<AnalysisVerdict> flagger(@Valid @RequestBody FlaggerWebhook webhook,
                                                   @RequestHeader(value = KEY_HEADER, required = false)
                                                           String presented) {
        requireKey(presented != null ? presented : webhook.getMetadata().get("key"));
        String service = webhook.getMetadata().getOrDefault("service", webhook.getName());
        AnalysisVerdict verdict = AnalysisVerdict.of(releases.latest(service));
        return ResponseEntity.status(verdict.isPass() ? HttpStatus.OK : HttpStatus.PRECONDITION_FAILED).body(verdict);
    }

    private void requireKey(String presented) {
        if (key.length == 0) {
            throw ApiException.notFound("The analysis endpoints are off: set ANALYSIS_KEY to turn them on");
        }
        if (presented == null || !MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized("A valid " + KEY_HEADER + " header is required");
        }
    }

    /** What Flagger posts to a webhook (docs: "webhooks" of the Canary resource). */
    public static class FlaggerWebhook {
        @javax.validation.constraints.NotBlank
        private String name;
        private String namespace;
        private String phase;
        private String checksum;
        private Map<String, String> metadata = Map.of();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getNamespace() {
            return namespace;
        }

        public void setNamespace(String namespace) {
            this.namespace = namespace;
        }

        public String getPhase() {
            return phase;
        }

        public void setPhase(String phase) {
            this.phase = phase;
        }

        public String getChecksum() {
            return checksum;
        }

        public void setChecksum(String checksum) {
            this.checksum = checksum;
        }

        public Map<String, String> getMetadata() {
            return metadata;
        }

        public void setMetadata(Map<String, String> metadata) {
            this.metadata = metadata == null ? Map.of() : metadata;
        }
    }
}

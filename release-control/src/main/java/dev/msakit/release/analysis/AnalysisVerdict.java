package dev.msakit.release.analysis;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Map;

/**
 * A release as a delivery controller needs it: {@code pass} while it runs and its last judged interval passed (or
 * once promoted), {@code fail} once rolled back, {@code inconclusive} otherwise (waiting, nothing judged yet, held,
 * or too little traffic).
 */
public final class AnalysisVerdict {

    private final String service;
    private final long releaseId;
    private final String status;
    private final String verdict;
    private final Object score;
    private final String reason;

    private AnalysisVerdict(String service, long releaseId, String status, String verdict, Object score,
                            String reason) {
        this.service = service;
        this.releaseId = releaseId;
        this.status = status;
        this.verdict = verdict;
        this.score = score;
        this.reason = reason;
    }

    /** From a release's view (CanaryReleases.latest). */
    @SuppressWarnings("unchecked")
    static AnalysisVerdict of(Map<String, Object> release) {
        String status = String.valueOf(release.get("status"));
        List<Map<String, Object>> intervals = (List<Map<String, Object>>) release.getOrDefault("intervals",
                List.of());
        Map<String, Object> last = intervals.isEmpty() ? Map.of() : intervals.get(intervals.size() - 1);
        String verdict;
        switch (status) {
            case "PROMOTED":
                verdict = "pass";
                break;
            case "ROLLED_BACK":
                verdict = "fail";
                break;
            case "RUNNING":
                verdict = "PASS".equals(last.get("classification")) ? "pass" : "inconclusive";
                break;
            default:
                verdict = "inconclusive";
        }
        Object reason = release.get("reason");
        return new AnalysisVerdict(String.valueOf(release.get("service")), ((Number) release.get("id")).longValue(),
                status, verdict, last.get("score"), reason == null ? null : reason.toString());
    }

    public String getService() {
        return service;
    }

    public long getReleaseId() {
        return releaseId;
    }

    public String getStatus() {
        return status;
    }

    /** pass, fail or inconclusive. */
    public String getVerdict() {
        return verdict;
    }

    /** The last judged interval's score (0 to 100), null before one. */
    public Object getScore() {
        return score;
    }

    public String getReason() {
        return reason;
    }

    @JsonIgnore
    boolean isPass() {
        return "pass".equals(verdict);
    }
}

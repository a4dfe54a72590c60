package dev.msakit.contracts.release;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * One shadowed read whose new-side answer differed from legacy's beyond the noise, as a gateway reports it to
 * release-control ({@code POST /internal/features/{name}/diffs}, SERVICE token): in its status (a 500 or 404 where
 * legacy answered, or no answer at all), a compared header, or JSON paths of the body.
 */
public class ShadowDifference {

    public static final int BODY_EXCERPT = 4000;

    @NotBlank
    @Size(max = 8)
    private String method;
    /** The routed path with its query, without the gateway's prefix. */
    @NotBlank
    @Size(max = 2000)
    private String path;
    @Size(max = 32)
    private String traceId;
    /** JSON paths that differ ($.price, $.content[0].name). */
    @NotNull
    @Size(max = 1000)
    private List<String> differingPaths = new ArrayList<>();
    /** The path template the read falls under (GET /products/{id}). */
    @Size(max = 2000)
    private String endpoint;
    private int legacyStatus;
    /** The new side's status; null when it gave none (timeout, refused). */
    private Integer newStatus;
    /** Why the new side gave no answer. */
    @Size(max = 500)
    private String newError;
    /** The two answers' bodies as compared (parsed JSON, so 10.00 shows as 10.0), cut at {@link #BODY_EXCERPT}. */
    @Size(max = BODY_EXCERPT)
    private String legacyBody;
    @Size(max = BODY_EXCERPT)
    private String newBody;

    public ShadowDifference() {
    }

    public ShadowDifference(String method, String path, String traceId, List<String> differingPaths) {
        this.method = method;
        this.path = path;
        this.traceId = traceId;
        this.differingPaths = List.copyOf(differingPaths);
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getTraceId() {
        return traceId;
    }

    public void setTraceId(String traceId) {
        this.traceId = traceId;
    }

    public List<String> getDifferingPaths() {
        return differingPaths;
    }

    public void setDifferingPaths(List<String> differingPaths) {
        this.differingPaths = differingPaths;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public int getLegacyStatus() {
        return legacyStatus;
    }

    public void setLegacyStatus(int legacyStatus) {
        this.legacyStatus = legacyStatus;
    }

    public Integer getNewStatus() {
        return newStatus;
    }

    public void setNewStatus(Integer newStatus) {
        this.newStatus = newStatus;
    }

    public String getNewError() {
        return newError;
    }

    public void setNewError(String newError) {
        this.newError = newError;
    }

    public String getLegacyBody() {
        return legacyBody;
    }

    public void setLegacyBody(String legacyBody) {
        this.legacyBody = legacyBody;
    }

    public String getNewBody() {
        return newBody;
    }

    public void setNewBody(String newBody) {
        this.newBody = newBody;
    }

    /** A body as reported: at most {@link #BODY_EXCERPT} characters (null stays null). */
    public static String excerpt(String body) {
        return body == null || body.length() <= BODY_EXCERPT ? body : body.substring(0, BODY_EXCERPT - 1) + "…";
    }
}

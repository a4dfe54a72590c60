package dev.msakit.contracts.release;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * One shadowed read whose new-side answer differed from legacy's beyond the noise, as a gateway reports it to
 * release-control ({@code POST /internal/features/{name}/diffs}, SERVICE token).
 */
public class ShadowDifference {

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
}

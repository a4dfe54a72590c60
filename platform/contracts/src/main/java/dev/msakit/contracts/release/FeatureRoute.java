package dev.msakit.contracts.release;

import java.util.List;

/** One feature switch as a gateway needs it: which requests, which two services, who serves them now. */
public class FeatureRoute {

    /** Who serves a feature's requests. */
    public enum Mode {
        /** The legacy shop. */
        LEGACY,
        /** The new service. */
        NEW,
        /** A sticky share of the callers goes to the new service, the rest to legacy. */
        PERCENT,
        /** Legacy answers; reads are replayed to the new side off the request path and compared. */
        SHADOW
    }

    private String name;
    /** Ant patterns of the routed path (without the gateway's prefix). */
    private List<String> pathPatterns;
    /** HTTP methods covered, or "*" for all. */
    private List<String> methods;
    private String legacyService;
    private String newService;
    private Mode mode;
    private int percent;
    /** JSON field names the shadow comparison ignores. */
    private List<String> ignoredFields;
    /** Response headers the shadow comparison compares (their values, case-insensitively). */
    private List<String> comparedHeaders = List.of("Content-Type");
    /** The table revision at which this switch last changed (its ETag at the admin API). */
    private long version;

    public FeatureRoute() {
    }

    public FeatureRoute(String name, List<String> pathPatterns, List<String> methods, String legacyService,
                        String newService, Mode mode, int percent, List<String> ignoredFields, long version) {
        this.name = name;
        this.pathPatterns = List.copyOf(pathPatterns);
        this.methods = List.copyOf(methods);
        this.legacyService = legacyService;
        this.newService = newService;
        this.mode = mode;
        this.percent = percent;
        this.ignoredFields = List.copyOf(ignoredFields);
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getPathPatterns() {
        return pathPatterns;
    }

    public void setPathPatterns(List<String> pathPatterns) {
        this.pathPatterns = pathPatterns;
    }

    public List<String> getMethods() {
        return methods;
    }

    public void setMethods(List<String> methods) {
        this.methods = methods;
    }

    public String getLegacyService() {
        return legacyService;
    }

    public void setLegacyService(String legacyService) {
        this.legacyService = legacyService;
    }

    public String getNewService() {
        return newService;
    }

    public void setNewService(String newService) {
        this.newService = newService;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public int getPercent() {
        return percent;
    }

    public void setPercent(int percent) {
        this.percent = percent;
    }

    public List<String> getIgnoredFields() {
        return ignoredFields;
    }

    public void setIgnoredFields(List<String> ignoredFields) {
        this.ignoredFields = ignoredFields;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public List<String> getComparedHeaders() {
        return comparedHeaders;
    }

    public void setComparedHeaders(List<String> comparedHeaders) {
        this.comparedHeaders = comparedHeaders;
    }
}

package dev.msakit.gateway.migration;

import org.springframework.util.AntPathMatcher;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One feature's switch as stored: which requests it covers, which two services, and who serves it now. */
public final class FeatureSwitch {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final String name;
    private final List<String> pathPatterns;
    private final Set<String> methods;
    private final String legacyService;
    private final String newService;
    private final Mode mode;
    private final int percent;
    private final Set<String> ignoredFields;
    private final long version;
    private final String changedBy;
    private final Instant changedAt;

    public FeatureSwitch(String name, List<String> pathPatterns, Set<String> methods, String legacyService,
                         String newService, Mode mode, int percent, Set<String> ignoredFields, long version,
                         String changedBy, Instant changedAt) {
        this.name = name;
        this.pathPatterns = List.copyOf(pathPatterns);
        this.methods = Set.copyOf(methods);
        this.legacyService = legacyService;
        this.newService = newService;
        this.mode = mode;
        this.percent = percent;
        this.ignoredFields = Set.copyOf(ignoredFields);
        this.version = version;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /** Whether this switch decides the request (path as routed, without the gateway's prefix). */
    public boolean covers(String method, String path) {
        if (!methods.contains("*") && !methods.contains(method)) {
            return false;
        }
        for (String pattern : pathPatterns) {
            if (PATHS.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    /** The side a caller lands on; subject is the member id or the anonymous client's cookie value. */
    public Side sideFor(String subject) {
        switch (mode) {
            case NEW:
                return Side.NEW;
            case PERCENT:
                return StickySplit.isNew(name, subject, percent) ? Side.NEW : Side.LEGACY;
            default:
                return Side.LEGACY;
        }
    }

    public String serviceOf(Side side) {
        return side == Side.NEW ? newService : legacyService;
    }

    public String getName() {
        return name;
    }

    public List<String> getPathPatterns() {
        return pathPatterns;
    }

    public Set<String> getMethods() {
        return methods;
    }

    public String getLegacyService() {
        return legacyService;
    }

    public String getNewService() {
        return newService;
    }

    public Mode getMode() {
        return mode;
    }

    public int getPercent() {
        return percent;
    }

    public Set<String> getIgnoredFields() {
        return ignoredFields;
    }

    public long getVersion() {
        return version;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}

package dev.msakit.gateway.migration;

import dev.msakit.contracts.release.FeatureRoute;
import dev.msakit.contracts.release.FeatureRoute.Mode;
import org.springframework.util.AntPathMatcher;

import java.util.List;
import java.util.Set;

/** One feature's switch as this gateway routes by it: which requests it covers, which two services, who serves. */
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
    private final List<String> comparedHeaders;
    private final long version;

    public FeatureSwitch(FeatureRoute route) {
        this.name = route.getName();
        this.pathPatterns = List.copyOf(route.getPathPatterns());
        this.methods = Set.copyOf(route.getMethods());
        this.legacyService = route.getLegacyService();
        this.newService = route.getNewService();
        this.mode = route.getMode();
        this.percent = route.getPercent();
        this.ignoredFields = Set.copyOf(route.getIgnoredFields());
        this.comparedHeaders = List.copyOf(route.getComparedHeaders());
        this.version = route.getVersion();
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

    /** Response headers the shadow comparison compares. */
    public List<String> getComparedHeaders() {
        return comparedHeaders;
    }

    public long getVersion() {
        return version;
    }
}

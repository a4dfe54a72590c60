package dev.msakit.gateway.canary;

import dev.msakit.contracts.release.ReleaseRoute;
import dev.msakit.contracts.release.ReleaseRoute.Status;
import dev.msakit.contracts.release.RoleMeasurement;
import dev.msakit.gateway.migration.StickySplit;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A release as this gateway routes it, from release-control's routing table: who gets which role, and what this
 * gateway measured of each role since its last report. Every gateway computes the same roles for the same caller
 * (a sticky hash salted with the release's id), so the shares hold however many gateways there are.
 */
public final class RoutedRelease {

    private final long id;
    private final String service;
    private final String baselineInstance;
    private final String canaryInstance;
    private volatile Status status;
    private volatile int share;
    private final Map<Role, RoleRecorder> recorders = new EnumMap<>(Role.class);

    RoutedRelease(ReleaseRoute route) {
        this.id = route.getId();
        this.service = route.getService();
        this.baselineInstance = route.getBaselineInstance();
        this.canaryInstance = route.getCanaryInstance();
        for (Role role : Role.values()) {
            recorders.put(role, new RoleRecorder());
        }
        update(route);
    }

    /** Whether the table names the same two instances. */
    boolean routesTo(ReleaseRoute route) {
        return baselineInstance.equals(route.getBaselineInstance()) && canaryInstance.equals(route.getCanaryInstance());
    }

    /** A newer table's status and share for the same release. */
    void update(ReleaseRoute route) {
        status = route.getStatus();
        share = route.getShare();
    }

    public long getId() {
        return id;
    }

    public String getService() {
        return service;
    }

    public Status getStatus() {
        return status;
    }

    public int getShare() {
        return share;
    }

    /**
     * The role a caller's requests go to: while running, the lowest buckets of a sticky hash (salted by this
     * release) go to the canary and the same number of highest ones to the baseline, so raising the share only adds
     * callers to each; once promoted, everyone goes to the canary; otherwise nobody goes to either.
     */
    public Role roleFor(String subject) {
        Status now = status;
        if (now == Status.PROMOTED) {
            return Role.CANARY;
        }
        if (now != Status.RUNNING) {
            return Role.PROD;
        }
        int bucket = StickySplit.bucket("canary:" + service + ':' + id, subject);
        int buckets = StickySplit.BUCKETS;
        int slice = share * (buckets / 100);
        if (bucket < slice) {
            return Role.CANARY;
        }
        return bucket >= buckets - slice ? Role.BASELINE : Role.PROD;
    }

    public String instanceOf(Role role) {
        return role == Role.CANARY ? canaryInstance : role == Role.BASELINE ? baselineInstance : null;
    }

    /** The role an instance plays in this release (PROD for every instance not started for it). */
    public Role roleOf(String instanceId) {
        if (canaryInstance.equals(instanceId)) {
            return Role.CANARY;
        }
        return baselineInstance.equals(instanceId) ? Role.BASELINE : Role.PROD;
    }

    /**
     * Whether requests of the prod share may go to this instance: never to the baseline, nor to the canary unless it
     * was promoted (then the old instances remain a fallback until they are replaced).
     */
    public boolean servesProd(String instanceId) {
        Role role = roleOf(instanceId);
        return role == Role.PROD || (role == Role.CANARY && status == Status.PROMOTED);
    }

    void answered(Role role, int httpStatus, double latencyMs) {
        recorders.get(role).answered(httpStatus, latencyMs);
    }

    void attemptFailed(Role role) {
        recorders.get(role).attemptFailed();
    }

    /** What this gateway saw of each role since the last call (roles with nothing left out). */
    Map<String, RoleMeasurement> drain() {
        Map<String, RoleMeasurement> measured = new LinkedHashMap<>();
        recorders.forEach((role, recorder) -> {
            RoleMeasurement sample = recorder.drain();
            if (!sample.isEmpty()) {
                measured.put(role.label(), sample);
            }
        });
        return measured;
    }
}

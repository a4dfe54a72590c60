package dev.msakit.contracts.release;

/**
 * A canary release as gateways route it: which two instances (Eureka instance ids) play baseline and canary, and
 * the share each gets now. Every gateway gives the same callers the same roles: the lowest buckets of a sticky hash
 * salted with the release's id go to the canary, as many of the highest to the baseline.
 */
public class ReleaseRoute {

    /** WAITING: nobody goes to the two instances; RUNNING: the share below; PROMOTED: everyone to the canary. */
    public enum Status {
        WAITING, RUNNING, PROMOTED, ROLLED_BACK, INCONCLUSIVE
    }

    private long id;
    private String service;
    private String baselineInstance;
    private String canaryInstance;
    private Status status;
    /** Percent of callers on the canary (and as many on the baseline) while RUNNING. */
    private int share;

    public ReleaseRoute() {
    }

    public ReleaseRoute(long id, String service, String baselineInstance, String canaryInstance, Status status,
                        int share) {
        this.id = id;
        this.service = service;
        this.baselineInstance = baselineInstance;
        this.canaryInstance = canaryInstance;
        this.status = status;
        this.share = share;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getBaselineInstance() {
        return baselineInstance;
    }

    public void setBaselineInstance(String baselineInstance) {
        this.baselineInstance = baselineInstance;
    }

    public String getCanaryInstance() {
        return canaryInstance;
    }

    public void setCanaryInstance(String canaryInstance) {
        this.canaryInstance = canaryInstance;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public int getShare() {
        return share;
    }

    public void setShare(int share) {
        this.share = share;
    }
}

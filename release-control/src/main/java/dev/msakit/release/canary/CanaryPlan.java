package dev.msakit.release.canary;

import javax.validation.constraints.DecimalMax;
import javax.validation.constraints.DecimalMin;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;
import java.util.List;

/**
 * A release as asked for ({@code POST /api/admin/canaries}): which service, which two instances (Eureka instance ids)
 * play baseline and canary, and optionally how to step and judge; what is left out comes from release-control.canary.*.
 * Without the two ids, the instances are the ones that register with the role baseline and canary in their metadata
 * (INSTANCE_ROLE; in Kubernetes, from the pod's msa-kit/role label), found while the release waits: pods' names are
 * not known before they start.
 */
public class CanaryPlan {

    @NotBlank
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be a service id (lower case letters, digits, -)")
    private String service;
    @Size(min = 1, max = 200)
    private String baselineInstance;
    @Size(min = 1, max = 200)
    private String canaryInstance;
    /** The canary's share per step, in percent, rising; the baseline gets the same (so at most 50 each). */
    @Size(min = 1, max = 10)
    private List<@NotNull @Min(1) @Max(50) Integer> steps;
    @Min(2)
    @Max(3600)
    private Integer intervalSeconds;
    /** How long the canary serves its first step's share before any interval is judged (its JVM warming up). */
    @Min(0)
    @Max(3600)
    private Integer warmupSeconds;
    @Min(1)
    @Max(100)
    private Integer maxInconclusiveIntervals;
    @Min(1)
    @Max(100)
    private Integer maxMarginalIntervals;
    @Min(5)
    @Max(1800)
    private Integer waitSeconds;
    @Min(10)
    @Max(100_000)
    private Integer minSamples;
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    private Double maxErrorRate;
    @DecimalMin("1.0")
    @DecimalMax("600000.0")
    private Double maxP99Ms;

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

    public List<Integer> getSteps() {
        return steps;
    }

    public void setSteps(List<Integer> steps) {
        this.steps = steps;
    }

    public Integer getIntervalSeconds() {
        return intervalSeconds;
    }

    public void setIntervalSeconds(Integer intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    public Integer getWarmupSeconds() {
        return warmupSeconds;
    }

    public void setWarmupSeconds(Integer warmupSeconds) {
        this.warmupSeconds = warmupSeconds;
    }

    public Integer getMaxInconclusiveIntervals() {
        return maxInconclusiveIntervals;
    }

    public void setMaxInconclusiveIntervals(Integer maxInconclusiveIntervals) {
        this.maxInconclusiveIntervals = maxInconclusiveIntervals;
    }

    public Integer getMaxMarginalIntervals() {
        return maxMarginalIntervals;
    }

    public void setMaxMarginalIntervals(Integer maxMarginalIntervals) {
        this.maxMarginalIntervals = maxMarginalIntervals;
    }

    public Integer getWaitSeconds() {
        return waitSeconds;
    }

    public void setWaitSeconds(Integer waitSeconds) {
        this.waitSeconds = waitSeconds;
    }

    public Integer getMinSamples() {
        return minSamples;
    }

    public void setMinSamples(Integer minSamples) {
        this.minSamples = minSamples;
    }

    public Double getMaxErrorRate() {
        return maxErrorRate;
    }

    public void setMaxErrorRate(Double maxErrorRate) {
        this.maxErrorRate = maxErrorRate;
    }

    public Double getMaxP99Ms() {
        return maxP99Ms;
    }

    public void setMaxP99Ms(Double maxP99Ms) {
        this.maxP99Ms = maxP99Ms;
    }
}

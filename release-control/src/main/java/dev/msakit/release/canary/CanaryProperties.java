package dev.msakit.release.canary;

import dev.msakit.contracts.ServiceIds;
import dev.msakit.release.canary.judge.JudgeSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.util.List;

/** release-control.canary.*: the defaults of a release; each can be set per release in its plan. */
@ConfigurationProperties("release-control.canary")
public class CanaryProperties {

    /** The services a release may be of: those the gateways route (a release of anything else would judge nothing). */
    private List<String> services = List.of(ServiceIds.MEMBER, ServiceIds.PRODUCT, ServiceIds.ORDER);
    /** How often releases are moved on (each judged when its interval has ended). */
    private long tickMs = 500;

    private List<Integer> steps = List.of(5, 25, 50);
    private int intervalSeconds = 30;
    /**
     * Not judged until the canary has served this long: a fresh JVM answers slower until its JIT has compiled the
     * hot paths, which is not the new version's fault (Spinnaker's "delay before analysis"). Guard rails still hold.
     */
    private int warmupSeconds = 0;
    private int maxInconclusiveIntervals = 6;
    private int maxMarginalIntervals = 3;
    /** How long the two instances may take to register. */
    private int waitSeconds = 240;
    @NestedConfigurationProperty
    private JudgeSettings judge = new JudgeSettings();

    public List<String> getServices() {
        return services;
    }

    public void setServices(List<String> services) {
        this.services = services;
    }

    public long getTickMs() {
        return tickMs;
    }

    public void setTickMs(long tickMs) {
        this.tickMs = tickMs;
    }

    public List<Integer> getSteps() {
        return steps;
    }

    public void setSteps(List<Integer> steps) {
        this.steps = steps;
    }

    public int getIntervalSeconds() {
        return intervalSeconds;
    }

    public void setIntervalSeconds(int intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    public int getWarmupSeconds() {
        return warmupSeconds;
    }

    public void setWarmupSeconds(int warmupSeconds) {
        this.warmupSeconds = warmupSeconds;
    }

    public int getMaxInconclusiveIntervals() {
        return maxInconclusiveIntervals;
    }

    public void setMaxInconclusiveIntervals(int maxInconclusiveIntervals) {
        this.maxInconclusiveIntervals = maxInconclusiveIntervals;
    }

    public int getMaxMarginalIntervals() {
        return maxMarginalIntervals;
    }

    public void setMaxMarginalIntervals(int maxMarginalIntervals) {
        this.maxMarginalIntervals = maxMarginalIntervals;
    }

    public int getWaitSeconds() {
        return waitSeconds;
    }

    public void setWaitSeconds(int waitSeconds) {
        this.waitSeconds = waitSeconds;
    }

    public JudgeSettings getJudge() {
        return judge;
    }

    public void setJudge(JudgeSettings judge) {
        this.judge = judge;
    }
}

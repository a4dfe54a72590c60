package dev.msakit.gateway.canary;

import dev.msakit.gateway.canary.judge.JudgeSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.util.List;

/** gateway.canary.*: the defaults of a release; each can be set per release in its plan. */
@ConfigurationProperties("gateway.canary")
public class CanaryProperties {

    private List<Integer> steps = List.of(5, 25, 50);
    private int intervalSeconds = 30;
    private int maxInconclusiveIntervals = 6;
    private int maxMarginalIntervals = 3;
    /** How long the two instances may take to appear in the gateway's load balancer. */
    private int waitSeconds = 240;
    /** Latency values kept per role (beyond: a uniform sample of all). */
    private int samplesKept = 50_000;
    @NestedConfigurationProperty
    private JudgeSettings judge = new JudgeSettings();

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

    public int getSamplesKept() {
        return samplesKept;
    }

    public void setSamplesKept(int samplesKept) {
        this.samplesKept = samplesKept;
    }

    public JudgeSettings getJudge() {
        return judge;
    }

    public void setJudge(JudgeSettings judge) {
        this.judge = judge;
    }
}

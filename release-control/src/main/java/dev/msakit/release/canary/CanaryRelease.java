package dev.msakit.release.canary;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.msakit.release.canary.judge.CanaryJudge;
import dev.msakit.release.canary.judge.Classification;
import dev.msakit.release.canary.judge.Judgement;
import dev.msakit.release.canary.judge.JudgeSettings;
import dev.msakit.release.canary.judge.MetricResult;
import dev.msakit.release.canary.judge.RoleSample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One release of a service: the state machine that judges each interval on what every gateway measured and steps
 * the share up, rolls back, or gives up as inconclusive. Kept in release-control's database between ticks (its
 * fields are its stored state, as JSON), so a restart of release-control, or another instance of it, resumes it
 * where it was. Time and measurements come in as arguments: tests drive both.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class CanaryRelease {

    /** How a release stands. The last three are final: the share no longer changes. */
    public enum Status {
        /** Waiting for both instances to register; no gateway sends anybody to them. */
        WAITING,
        RUNNING,
        /** The canary serves everyone; the old instances can be drained and replaced. */
        PROMOTED,
        ROLLED_BACK,
        /** Too little traffic to judge: nothing promoted, the canary gets nothing more. */
        INCONCLUSIVE;

        public boolean isFinal() {
            return this == PROMOTED || this == ROLLED_BACK || this == INCONCLUSIVE;
        }
    }

    /** What the gateways measured of a role between two moments (all gateways merged). */
    public interface Measurements {
        RoleSample of(Role role, long fromMillis, long toMillis);
    }

    private long id;
    private String service;
    /** "" while a release by labels has not found its instance yet. */
    private String baselineInstance;
    private String canaryInstance;
    /** Its two instances are the ones registered with the metadata role baseline and canary (a pod's labels). */
    private boolean byLabel;
    private List<Integer> steps;
    private long intervalMillis;
    /** Intervals that begin within this long of the start are warm-up: guard rails only, nothing judged. */
    private long warmupMillis;
    private long waitMillis;
    private int maxInconclusive;
    private int maxMarginal;
    private JudgeSettings judgeSettings;
    private String startedBy;
    private long startedAt;

    private Status status = Status.WAITING;
    private int share;
    private int stepIndex;
    private long runningSince;
    private long intervalStartedAt;
    private long stepStartedAt;
    private long endedAt;
    private String reason = "waiting for both instances to register";
    private int guardRailStreak;
    private int inconclusiveStreak;
    private int marginalStreak;
    /** Intervals held at the current step, for whatever reason: bounded, so the judged looks are too. */
    private int heldAtStep;
    private int intervalsJudged;
    private Map<Role, Map<String, String>> labels = new EnumMap<>(Role.class);

    /** For the store (Jackson). */
    private CanaryRelease() {
    }

    /** Instance ids null: found by their role label while it waits. */
    CanaryRelease(String service, String baselineInstance, String canaryInstance, List<Integer> steps,
                  long intervalMillis, long warmupMillis, long waitMillis, int maxInconclusive, int maxMarginal,
                  JudgeSettings judgeSettings, String startedBy, long now) {
        this.service = service;
        this.byLabel = baselineInstance == null;
        this.baselineInstance = byLabel ? "" : baselineInstance;
        this.canaryInstance = byLabel ? "" : canaryInstance;
        if (byLabel) {
            reason = "waiting for an instance registered with the role baseline and one with the role canary";
        }
        this.steps = List.copyOf(steps);
        this.intervalMillis = intervalMillis;
        this.warmupMillis = warmupMillis;
        this.waitMillis = waitMillis;
        this.maxInconclusive = maxInconclusive;
        this.maxMarginal = maxMarginal;
        this.judgeSettings = judgeSettings;
        this.startedBy = startedBy;
        this.startedAt = now;
    }

    public long getId() {
        return id;
    }

    void setId(long id) {
        this.id = id;
    }

    public String getService() {
        return service;
    }

    public Status getStatus() {
        return status;
    }

    /** The canary's share now, as gateways route it (everyone once promoted, nobody once over otherwise). */
    public int getShare() {
        return status == Status.PROMOTED ? 100 : status.isFinal() ? 0 : share;
    }

    public String getBaselineInstance() {
        return baselineInstance;
    }

    public String getCanaryInstance() {
        return canaryInstance;
    }

    /** Whether its instances are still to be found by their role labels (it waits, and found none yet). */
    boolean looksForLabelledInstances() {
        return byLabel && status == Status.WAITING && baselineInstance.isEmpty();
    }

    /**
     * The instances registered with the role labels, as found now: both found (one each), they become the release's
     * instances; otherwise it waits on, saying what it found.
     */
    boolean found(List<String> baselines, List<String> canaries) {
        if (baselines.size() == 1 && canaries.size() == 1) {
            baselineInstance = baselines.get(0);
            canaryInstance = canaries.get(0);
            reason = "waiting for both instances to register";
            return true;
        }
        reason = "waiting for one instance with the role baseline and one with the role canary (registered now: "
                + baselines + " and " + canaries + ")";
        return false;
    }

    /** The instances' Eureka metadata (version, role) as release-control last found them. */
    void label(Role role, Map<String, String> metadata) {
        labels.put(role, Map.copyOf(metadata));
    }

    /**
     * Moves the release on: starts it once both instances are registered and up, ends it when one of them leaves,
     * and judges every interval that has ended. Returns the interval rows this tick closed (to be kept).
     */
    List<Map<String, Object>> tick(long now, Set<String> upInstances, Measurements measured) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (status.isFinal()) {
            return rows;
        }
        boolean baselineUp = upInstances.contains(baselineInstance);
        boolean canaryUp = upInstances.contains(canaryInstance);
        if (status == Status.WAITING) {
            if (baselineUp && canaryUp) {
                status = Status.RUNNING;
                share = steps.get(0);
                runningSince = now;
                intervalStartedAt = now;
                stepStartedAt = now;
                reason = "running at " + share + " %";
            } else if (now - startedAt > waitMillis) {
                end(Status.ROLLED_BACK, now, "instances not registered after " + waitMillis / 1000 + " s: "
                        + (baselineInstance.isEmpty() ? reason : (baselineUp ? "" : baselineInstance + " ")
                        + (canaryUp ? "" : canaryInstance)));
            }
            return rows;
        }
        if (!canaryUp) {
            closeInterval(now, "canary instance unreachable or gone", measured, rows);
            end(Status.ROLLED_BACK, now, "the canary instance " + canaryInstance
                    + " is unreachable or left the registry");
            return rows;
        }
        if (!baselineUp) {
            closeInterval(now, "baseline instance unreachable or gone", measured, rows);
            end(Status.INCONCLUSIVE, now, "the baseline instance " + baselineInstance
                    + " is unreachable or left the registry: nothing to compare with");
            return rows;
        }
        if (now - intervalStartedAt >= 2 * intervalMillis) {
            // Nobody judged the last interval when it ended: release-control was away (restarted, stopped). What
            // arrived meanwhile is not an interval's worth of reports; the interval starts again, nothing judged.
            reason = "release-control was away for " + (now - intervalStartedAt) / 1000 + " s: the interval at "
                    + share + " % starts again";
            intervalStartedAt = now;
        } else if (now - intervalStartedAt >= intervalMillis) {
            rows.add(intervalStartedAt < runningSince + warmupMillis ? warmUpInterval(now, measured)
                    : judgeInterval(now, measured));
        }
        return rows;
    }

    /** Ends a running release from outside (the canary process died, an operator gave up). */
    boolean abort(long now, String why, Measurements measured, List<Map<String, Object>> rows) {
        if (status.isFinal()) {
            return false;
        }
        if (status == Status.RUNNING) {
            closeInterval(now, "aborted", measured, rows);
        }
        end(Status.ROLLED_BACK, now, why);
        return true;
    }

    /**
     * An interval of the warm-up: the canary's own guard rails hold (a broken build must not serve for the whole
     * warm-up), the comparison waits. The step's judged data begins when the warm-up ends.
     */
    private Map<String, Object> warmUpInterval(long now, Measurements measured) {
        Map<Role, RoleSample> seen = measuredThisInterval(now, measured);
        List<String> breaches = new CanaryJudge(judgeSettings).guardRails(seen.get(Role.CANARY));
        guardRailStreak = breaches.isEmpty() ? 0 : guardRailStreak + 1;
        String decision = breaches.isEmpty() ? "warming up (not judged)" : "warming up (guard rail)";
        Map<String, Object> row = row(now, seen, null, decision);
        row.put("guardRails", breaches);
        intervalStartedAt = now;
        stepStartedAt = now;
        if (guardRailStreak >= 2) {
            end(Status.ROLLED_BACK, now, "guard rail crossed in two intervals in a row while warming up: "
                    + String.join("; ", breaches));
        } else {
            reason = decision + " at " + share + " % for the first " + warmupMillis / 1000 + " s"
                    + (breaches.isEmpty() ? "" : ": " + String.join("; ", breaches));
        }
        return row;
    }

    private Map<String, Object> judgeInterval(long now, Measurements measured) {
        Map<Role, RoleSample> seen = measuredThisInterval(now, measured);
        Judgement judgement = new CanaryJudge(judgeSettings).judge(
                measured.of(Role.BASELINE, stepStartedAt, now), measured.of(Role.CANARY, stepStartedAt, now),
                seen.get(Role.CANARY));
        boolean breached = !judgement.getGuardRailBreaches().isEmpty();
        guardRailStreak = breached ? guardRailStreak + 1 : 0;
        String decision;
        Status next = null;
        String why = null;
        if (judgement.getClassification() == Classification.FAIL) {
            next = Status.ROLLED_BACK;
            why = judgement.summary();
            decision = "roll back";
        } else if (guardRailStreak >= 2) {
            next = Status.ROLLED_BACK;
            why = "guard rail crossed in two intervals in a row: " + String.join("; ",
                    judgement.getGuardRailBreaches());
            decision = "roll back";
        } else if (breached) {
            // Whatever the comparison says, an interval beyond a guard rail never advances or promotes.
            decision = "hold at " + share + " % (guard rail)";
        } else if (judgement.getClassification() == Classification.INCONCLUSIVE) {
            marginalStreak = 0;
            if (++inconclusiveStreak >= maxInconclusive) {
                next = Status.INCONCLUSIVE;
                why = "too little traffic to judge in " + inconclusiveStreak + " intervals: " + judgement.summary();
                decision = "give up";
            } else {
                decision = "hold at " + share + " % (inconclusive)";
            }
        } else if (judgement.getClassification() == Classification.MARGINAL
                && (++marginalStreak < maxMarginal || !onlyErrorsMarginal(judgement))) {
            inconclusiveStreak = 0;
            if (marginalStreak >= maxMarginal) {
                next = Status.ROLLED_BACK;
                why = "marginal in " + marginalStreak + " intervals in a row: " + judgement.summary();
                decision = "roll back";
            } else {
                decision = "hold at " + share + " % (marginal)";
            }
        } else {
            // A pass, or errors that stayed short of significance over maxMarginal intervals of growing data: the
            // error test has its own (corrected) significance, and watching longer would only re-test the same
            // sample until chance crossed a line (repeated looks).
            String note = judgement.getClassification() == Classification.MARGINAL
                    ? " (errors not significant after " + marginalStreak + " intervals)" : "";
            inconclusiveStreak = 0;
            marginalStreak = 0;
            if (stepIndex + 1 >= steps.size()) {
                next = Status.PROMOTED;
                why = "passed every step (" + steps + " %)" + note + ": " + judgement.summary();
                decision = "promote" + note;
            } else {
                stepIndex++;
                stepStartedAt = now;
                heldAtStep = 0;
                decision = "advance to " + steps.get(stepIndex) + " %" + note;
            }
        }
        if (next == null && decision.startsWith("hold") && ++heldAtStep >= maxInconclusive + maxMarginal) {
            next = Status.INCONCLUSIVE;
            why = "held " + heldAtStep + " intervals at " + share + " % without a verdict: " + judgement.summary();
            decision = "give up";
        }
        Map<String, Object> row = row(now, seen, judgement, decision);
        intervalStartedAt = now;
        if (next != null) {
            end(next, now, why);
        } else {
            share = steps.get(stepIndex);
            reason = decision + ": " + judgement.summary();
        }
        return row;
    }

    private static boolean onlyErrorsMarginal(Judgement judgement) {
        return judgement.getMetrics().stream().filter(m -> m.getClassification() == Classification.MARGINAL)
                .allMatch(m -> m.getMetric().equals(CanaryJudge.ERRORS));
    }

    /** Each role's measurements since the current interval began. */
    private Map<Role, RoleSample> measuredThisInterval(long now, Measurements measured) {
        Map<Role, RoleSample> seen = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            seen.put(role, measured.of(role, intervalStartedAt, now));
        }
        return seen;
    }

    /** The numbers of a partial interval cut short by the end of the release (not judged). */
    private void closeInterval(long now, String decision, Measurements measured, List<Map<String, Object>> rows) {
        Map<Role, RoleSample> seen = measuredThisInterval(now, measured);
        if (status == Status.RUNNING
                && seen.get(Role.CANARY).getRequests() + seen.get(Role.BASELINE).getRequests() > 0) {
            rows.add(row(now, seen, null, decision));
        }
    }

    private void end(Status finalStatus, long now, String why) {
        status = finalStatus;
        endedAt = now;
        reason = why;
    }

    private Map<String, Object> row(long now, Map<Role, RoleSample> seen, Judgement judgement, String decision) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("interval", ++intervalsJudged);
        row.put("endedAt", Instant.ofEpochMilli(now).toString());
        row.put("seconds", (now - intervalStartedAt) / 1000.0);
        row.put("share", share);
        for (Role role : Role.values()) {
            row.put(role.label(), roleView(seen.get(role)));
        }
        if (judgement != null) {
            row.put("classification", judgement.getClassification().name());
            row.put("score", judgement.getScore());
            List<Map<String, Object>> metrics = new ArrayList<>();
            for (MetricResult metric : judgement.getMetrics()) {
                metrics.add(metricView(metric));
            }
            row.put("metrics", metrics);
            row.put("guardRails", judgement.getGuardRailBreaches());
        }
        row.put("decision", decision);
        return row;
    }

    private static Map<String, Object> metricView(MetricResult metric) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("metric", metric.getMetric());
        view.put("critical", metric.isCritical());
        view.put("classification", metric.getClassification().name());
        view.put("reason", metric.getReason());
        view.put("numbers", metric.getNumbers());
        return view;
    }

    static Map<String, Object> roleView(RoleSample sample) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("requests", sample.getRequests());
        view.put("errors", sample.getErrors());
        view.put("failedAttempts", sample.getFailedAttempts());
        view.put("errorRate", sample.getErrorRate());
        view.put("p50Ms", finite(sample.quantile(0.5)));
        view.put("p99Ms", finite(sample.quantile(0.99)));
        return view;
    }

    private static Double finite(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    /**
     * Everything there is to know, as JSON-ready maps: the API's answer and the report. {@code measured} gives the
     * totals since the release started running; {@code intervals} are its kept rows, oldest first.
     */
    Map<String, Object> view(long now, Measurements measured, List<Map<String, Object>> intervals) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("service", service);
        view.put("status", status);
        view.put("share", getShare());
        view.put("steps", steps);
        view.put("step", status == Status.WAITING ? 0 : stepIndex + 1);
        view.put("intervalSeconds", intervalMillis / 1000.0);
        view.put("warmupSeconds", warmupMillis / 1000.0);
        view.put("reason", reason);
        view.put("startedBy", startedBy);
        view.put("startedAt", Instant.ofEpochMilli(startedAt).toString());
        view.put("endedAt", endedAt == 0 ? null : Instant.ofEpochMilli(endedAt).toString());
        Map<String, Object> instances = new LinkedHashMap<>();
        instances.put("baseline", instanceView(baselineInstance, labels.get(Role.BASELINE)));
        instances.put("canary", instanceView(canaryInstance, labels.get(Role.CANARY)));
        view.put("instances", instances);
        view.put("instancesByLabel", byLabel);
        Map<String, Object> totals = new LinkedHashMap<>();
        // Everything reported since it started running, also after the verdict: gateways report every few seconds,
        // so the requests just before it arrive after it (and a promoted canary keeps serving until it is finished).
        for (Role role : Role.values()) {
            totals.put(role.label(), roleView(runningSince == 0 ? RoleSample.empty()
                    : measured.of(role, runningSince, Long.MAX_VALUE)));
        }
        view.put("totals", totals);
        view.put("judge", judgeSettings);
        view.put("intervals", intervals);
        return view;
    }

    /** What the rows need: the status, its reason and the intervals. */
    Map<String, Object> summary(List<Map<String, Object>> intervals) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("service", service);
        view.put("status", status);
        view.put("share", getShare());
        view.put("reason", reason);
        view.put("intervals", intervals);
        return view;
    }

    private static Map<String, Object> instanceView(String id, Map<String, String> metadata) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("instanceId", id);
        view.put("version", metadata == null ? null : metadata.get("version"));
        view.put("role", metadata == null ? null : metadata.get("role"));
        return view;
    }
}

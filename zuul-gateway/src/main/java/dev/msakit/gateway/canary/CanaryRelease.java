package dev.msakit.gateway.canary;

import dev.msakit.gateway.canary.judge.CanaryJudge;
import dev.msakit.gateway.canary.judge.Classification;
import dev.msakit.gateway.canary.judge.Judgement;
import dev.msakit.gateway.canary.judge.RoleSample;
import dev.msakit.gateway.migration.StickySplit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One release of a service: who gets which share, what was seen per role, and the state machine that judges each
 * interval and steps the share up, rolls back, or gives up as inconclusive. Time comes in as arguments (tests drive
 * it); request threads only read the routing fields and record into the per-role recorders.
 */
public final class CanaryRelease {

    /** How a release stands. The last three are final: the share no longer changes. */
    public enum Status {
        /** Waiting for both instances to appear in the gateway's load balancer; nobody is sent to them. */
        WAITING,
        RUNNING,
        /** The canary serves everyone; the old instances can be drained and stopped. */
        PROMOTED,
        ROLLED_BACK,
        /** Too little traffic to judge: nothing promoted, the canary gets nothing more. */
        INCONCLUSIVE;

        public boolean isFinal() {
            return this == PROMOTED || this == ROLLED_BACK || this == INCONCLUSIVE;
        }
    }

    private final long id;
    private final String service;
    private final String baselineInstance;
    private final String canaryInstance;
    private final List<Integer> steps;
    private final long intervalMillis;
    private final long waitMillis;
    private final int maxInconclusive;
    private final int maxMarginal;
    private final CanaryJudge judge;
    private final int samplesKept;
    private final String startedBy;
    private final long startedAt;

    private volatile Status status = Status.WAITING;
    private volatile int share;
    private int stepIndex;
    private long intervalStartedAt;
    private long endedAt;
    private String reason = "waiting for both instances in the gateway's load balancer";
    private int guardRailStreak;
    private int inconclusiveStreak;
    private int marginalStreak;
    /** Intervals held at the current step, for whatever reason: bounded, so the judged looks are too. */
    private int heldAtStep;
    private final Map<Role, RoleRecorder> total = new EnumMap<>(Role.class);
    /** Since the current step began: what each step is judged on (a regression at 50 % is not diluted by 5 %). */
    private volatile Map<Role, RoleRecorder> step;
    private volatile Map<Role, RoleRecorder> interval;
    private final List<Map<String, Object>> intervals = new ArrayList<>();
    private final Map<Role, Map<String, String>> labels = new EnumMap<>(Role.class);
    private final Map<Role, String> addresses = new EnumMap<>(Role.class);

    CanaryRelease(long id, String service, String baselineInstance, String canaryInstance, List<Integer> steps,
                  long intervalMillis, long waitMillis, int maxInconclusive, int maxMarginal, CanaryJudge judge,
                  int samplesKept, String startedBy, long now) {
        this.id = id;
        this.service = service;
        this.baselineInstance = baselineInstance;
        this.canaryInstance = canaryInstance;
        this.steps = List.copyOf(steps);
        this.intervalMillis = intervalMillis;
        this.waitMillis = waitMillis;
        this.maxInconclusive = maxInconclusive;
        this.maxMarginal = maxMarginal;
        this.judge = judge;
        this.samplesKept = samplesKept;
        this.startedBy = startedBy;
        this.startedAt = now;
        for (Role role : Role.values()) {
            total.put(role, new RoleRecorder(samplesKept));
        }
        interval = freshRecorders();
        step = freshRecorders();
    }

    private Map<Role, RoleRecorder> freshRecorders() {
        Map<Role, RoleRecorder> recorders = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            recorders.put(role, new RoleRecorder(samplesKept));
        }
        return recorders;
    }

    public String getService() {
        return service;
    }

    public Status getStatus() {
        return status;
    }

    /**
     * The role a caller's requests go to: while running, the lowest buckets of a sticky hash (salted by this
     * release) go to the canary and the same number of highest ones to the baseline, so raising the share only adds
     * callers to each; once promoted, everyone goes to the canary.
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
     * was promoted (then the old instances remain a fallback until they are stopped).
     */
    public boolean servesProd(String instanceId) {
        Role role = roleOf(instanceId);
        return role == Role.PROD || (role == Role.CANARY && status == Status.PROMOTED);
    }

    void answered(Role role, int status, double latencyMs) {
        total.get(role).answered(status, latencyMs);
        step.get(role).answered(status, latencyMs);
        interval.get(role).answered(status, latencyMs);
    }

    void attemptFailed(Role role) {
        total.get(role).attemptFailed();
        step.get(role).attemptFailed();
        interval.get(role).attemptFailed();
    }

    /** The instances' Eureka metadata (version, role) as the gateway's load balancer last listed them. */
    synchronized void label(Role role, Map<String, String> metadata) {
        labels.put(role, metadata);
    }

    /** Where an instance of the release answers (host:port), as the load balancer lists it. */
    synchronized void address(Role role, String hostPort) {
        addresses.put(role, hostPort);
    }

    synchronized Map<Role, String> addresses() {
        return Map.copyOf(addresses);
    }

    synchronized int intervalCount() {
        return intervals.size();
    }

    /** Adds the instances' own numbers to an interval's row once they arrive (a new map: views may be read). */
    synchronized void attachInstanceView(int index, Map<String, Object> instanceView) {
        if (index < intervals.size()) {
            Map<String, Object> row = new LinkedHashMap<>(intervals.get(index));
            row.put("instancesSay", instanceView);
            intervals.set(index, row);
        }
    }

    /**
     * Moves the release on: starts it once both instances are listed (usable: listed and not tripped), ends it
     * when one of them leaves, and judges every interval that has ended.
     */
    synchronized void tick(long now, Set<String> usableInstances) {
        if (status.isFinal()) {
            return;
        }
        boolean baselineUp = usableInstances.contains(baselineInstance);
        boolean canaryUp = usableInstances.contains(canaryInstance);
        if (status == Status.WAITING) {
            if (baselineUp && canaryUp) {
                status = Status.RUNNING;
                share = steps.get(0);
                intervalStartedAt = now;
                interval = freshRecorders();
                step = freshRecorders();
                reason = "running at " + share + " %";
            } else if (now - startedAt > waitMillis) {
                end(Status.ROLLED_BACK, now, "instances not in the gateway's load balancer after "
                        + waitMillis / 1000 + " s: " + (baselineUp ? "" : baselineInstance + " ")
                        + (canaryUp ? "" : canaryInstance));
            }
            return;
        }
        if (!canaryUp) {
            closeInterval(now, "canary instance unreachable or gone");
            end(Status.ROLLED_BACK, now, "the canary instance " + canaryInstance
                    + " is unreachable or left the registry");
            return;
        }
        if (!baselineUp) {
            closeInterval(now, "baseline instance unreachable or gone");
            end(Status.INCONCLUSIVE, now, "the baseline instance " + baselineInstance
                    + " is unreachable or left the registry: nothing to compare with");
            return;
        }
        if (now - intervalStartedAt >= intervalMillis) {
            judgeInterval(now);
        }
    }

    /** Ends a running release from outside (the canary process died, an operator gave up). */
    synchronized boolean abort(long now, String why) {
        if (status.isFinal()) {
            return false;
        }
        if (status == Status.RUNNING) {
            closeInterval(now, "aborted");
        }
        end(Status.ROLLED_BACK, now, why);
        return true;
    }

    private void judgeInterval(long now) {
        // The interval's recorders are swapped first: what the row shows is exactly what was judged, and requests
        // finishing meanwhile count for the next interval.
        Map<Role, RoleRecorder> ended = interval;
        interval = freshRecorders();
        Map<Role, RoleSample> seen = new EnumMap<>(Role.class);
        ended.forEach((role, recorder) -> seen.put(role, recorder.sample()));
        Judgement judgement = judge.judge(step.get(Role.BASELINE).sample(), step.get(Role.CANARY).sample(),
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
                step = freshRecorders();
                heldAtStep = 0;
                decision = "advance to " + steps.get(stepIndex) + " %" + note;
            }
        }
        if (next == null && decision.startsWith("hold") && ++heldAtStep >= maxInconclusive + maxMarginal) {
            next = Status.INCONCLUSIVE;
            why = "held " + heldAtStep + " intervals at " + share + " % without a verdict: " + judgement.summary();
            decision = "give up";
        }
        intervals.add(row(now, seen, judgement, decision));
        intervalStartedAt = now;
        if (next != null) {
            end(next, now, why);
        } else {
            share = steps.get(stepIndex);
            reason = decision + ": " + judgement.summary();
        }
    }

    private static boolean onlyErrorsMarginal(Judgement judgement) {
        return judgement.getMetrics().stream().filter(m -> m.getClassification() == Classification.MARGINAL)
                .allMatch(m -> m.getMetric().equals(CanaryJudge.ERRORS));
    }

    /** The numbers of a partial interval cut short by the end of the release (not judged). */
    private void closeInterval(long now, String decision) {
        Map<Role, RoleSample> seen = new EnumMap<>(Role.class);
        interval.forEach((role, recorder) -> seen.put(role, recorder.sample()));
        if (status == Status.RUNNING
                && seen.get(Role.CANARY).getRequests() + seen.get(Role.BASELINE).getRequests() > 0) {
            intervals.add(row(now, seen, null, decision));
        }
    }

    private void end(Status finalStatus, long now, String why) {
        status = finalStatus;
        endedAt = now;
        reason = why;
    }

    private Map<String, Object> row(long now, Map<Role, RoleSample> seen, Judgement judgement, String decision) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("interval", intervals.size() + 1);
        row.put("endedAt", Instant.ofEpochMilli(now).toString());
        row.put("seconds", (now - intervalStartedAt) / 1000.0);
        row.put("share", share);
        for (Role role : Role.values()) {
            row.put(role.label(), roleView(seen.get(role)));
        }
        if (judgement != null) {
            row.put("classification", judgement.getClassification());
            row.put("score", judgement.getScore());
            row.put("metrics", judgement.getMetrics());
            row.put("guardRails", judgement.getGuardRailBreaches());
        }
        row.put("decision", decision);
        return row;
    }

    private static Map<String, Object> roleView(RoleSample sample) {
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
        return Double.isNaN(value) ? null : value;
    }

    /** Everything there is to know, as JSON-ready maps: the API's and the actuator's answer, the report. */
    public synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("service", service);
        view.put("status", status);
        view.put("share", status == Status.PROMOTED ? 100 : status.isFinal() ? 0 : share);
        view.put("steps", steps);
        view.put("step", status == Status.WAITING ? 0 : stepIndex + 1);
        view.put("intervalSeconds", intervalMillis / 1000.0);
        view.put("reason", reason);
        view.put("startedBy", startedBy);
        view.put("startedAt", Instant.ofEpochMilli(startedAt).toString());
        view.put("endedAt", endedAt == 0 ? null : Instant.ofEpochMilli(endedAt).toString());
        Map<String, Object> instances = new LinkedHashMap<>();
        instances.put("baseline", instanceView(baselineInstance, labels.get(Role.BASELINE)));
        instances.put("canary", instanceView(canaryInstance, labels.get(Role.CANARY)));
        view.put("instances", instances);
        Map<String, Object> totals = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            totals.put(role.label(), roleView(total.get(role).sample()));
        }
        view.put("totals", totals);
        view.put("judge", judge.settings());
        view.put("intervals", List.copyOf(intervals));
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

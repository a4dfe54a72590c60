package dev.msakit.gateway.canary;

import com.netflix.loadbalancer.AbstractLoadBalancer;
import com.netflix.loadbalancer.ILoadBalancer;
import com.netflix.loadbalancer.Server;
import com.netflix.niws.loadbalancer.DiscoveryEnabledServer;
import dev.msakit.gateway.canary.judge.CanaryJudge;
import dev.msakit.gateway.canary.judge.JudgeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The releases this gateway runs: at most one per service at a time. A release stays "routing" after its verdict
 * (a promoted canary keeps everyone, a rolled-back one gets nobody) until whoever started it has stopped the old or
 * the failed instances and calls {@link #finish}.
 */
public class CanaryReleases {

    private static final Logger log = LoggerFactory.getLogger(CanaryReleases.class);
    private static final int HISTORY = 20;

    private final SpringClientFactory balancers;
    private final CanaryProperties properties;
    private final Clock clock;
    private final InstanceMetrics instanceMetrics;
    /** Reads the instances' actuators off the scheduler thread (which also polls the feature switches). */
    private final ExecutorService readers = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "canary-instance-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CanaryRelease> routing = new ConcurrentHashMap<>();
    private final Deque<CanaryRelease> finished = new ArrayDeque<>();

    public CanaryReleases(SpringClientFactory balancers, CanaryProperties properties, Clock clock,
                          InstanceMetrics instanceMetrics) {
        this.balancers = balancers;
        this.properties = properties;
        this.clock = clock;
        this.instanceMetrics = instanceMetrics;
    }

    /** Starts a release; empty when the service already has one. */
    public synchronized Optional<CanaryRelease> start(CanaryPlan plan, String startedBy) {
        if (routing.containsKey(plan.getService())) {
            return Optional.empty();
        }
        CanaryRelease release = create(plan, properties, startedBy, clock.millis());
        routing.put(plan.getService(), release);
        log.info("Canary release of {} started by {}: baseline {}, canary {}, steps {} %", plan.getService(),
                startedBy, plan.getBaselineInstance(), plan.getCanaryInstance(), release.view().get("steps"));
        return Optional.of(release);
    }

    /** A release of the plan, with the defaults for what it leaves out, as it starts at {@code now}. */
    static CanaryRelease create(CanaryPlan plan, CanaryProperties properties, String startedBy, long now) {
        JudgeSettings defaults = properties.getJudge();
        JudgeSettings settings = new JudgeSettings();
        settings.setMinSamples(plan.getMinSamples() != null ? plan.getMinSamples() : defaults.getMinSamples());
        settings.setMaxErrorRate(plan.getMaxErrorRate() != null ? plan.getMaxErrorRate()
                : defaults.getMaxErrorRate());
        settings.setMaxP99Ms(plan.getMaxP99Ms() != null ? plan.getMaxP99Ms() : defaults.getMaxP99Ms());
        settings.setConfidence(defaults.getConfidence());
        settings.setLatencyTolerance(defaults.getLatencyTolerance());
        settings.setMinShiftMs(defaults.getMinShiftMs());
        settings.setTailTolerance(defaults.getTailTolerance());
        settings.setMinTailSamples(defaults.getMinTailSamples());
        settings.setFalseRollbackRate(defaults.getFalseRollbackRate());
        settings.setErrorWatchAlpha(defaults.getErrorWatchAlpha());
        settings.setMinGuardRailRequests(defaults.getMinGuardRailRequests());
        List<Integer> steps = plan.getSteps() != null ? plan.getSteps() : properties.getSteps();
        int maxInconclusive = plan.getMaxInconclusiveIntervals() != null ? plan.getMaxInconclusiveIntervals()
                : properties.getMaxInconclusiveIntervals();
        int maxMarginal = plan.getMaxMarginalIntervals() != null ? plan.getMaxMarginalIntervals()
                : properties.getMaxMarginalIntervals();
        // Every interval a release can judge: per step, its holds (bounded by CanaryRelease) and the one that passes.
        settings.setLooks(steps.size() * (maxInconclusive + maxMarginal + 1));
        return new CanaryRelease(now, plan.getService(), plan.getBaselineInstance(),
                plan.getCanaryInstance(), steps,
                1000L * (plan.getIntervalSeconds() != null ? plan.getIntervalSeconds()
                        : properties.getIntervalSeconds()),
                1000L * (plan.getWaitSeconds() != null ? plan.getWaitSeconds() : properties.getWaitSeconds()),
                maxInconclusive, maxMarginal, new CanaryJudge(settings), properties.getSamplesKept(), startedBy, now);
    }

    /** The release deciding where this service's requests go, if any. */
    public Optional<CanaryRelease> routing(String service) {
        return Optional.ofNullable(routing.get(service));
    }

    /** The service's release: the routing one, else the latest finished. */
    public synchronized Optional<CanaryRelease> latest(String service) {
        CanaryRelease current = routing.get(service);
        if (current != null) {
            return Optional.of(current);
        }
        return finished.stream().filter(r -> r.getService().equals(service)).findFirst();
    }

    public synchronized List<CanaryRelease> all() {
        List<CanaryRelease> all = new java.util.ArrayList<>(routing.values());
        all.addAll(finished);
        return all;
    }

    public Optional<CanaryRelease> abort(String service, String why) {
        CanaryRelease release = routing.get(service);
        if (release != null && release.abort(clock.millis(), why)) {
            log.warn("Canary release of {} rolled back: {}", service, why);
        }
        return Optional.ofNullable(release);
    }

    /**
     * Ends the routing of a release with a verdict: a promoted canary becomes an ordinary instance. Empty when the
     * service has no release; the release unchanged (still routing) when it has no verdict yet.
     */
    public synchronized Optional<CanaryRelease> finish(String service) {
        CanaryRelease release = routing.get(service);
        if (release == null || !release.getStatus().isFinal()) {
            return Optional.ofNullable(release);
        }
        routing.remove(service);
        finished.addFirst(release);
        while (finished.size() > HISTORY) {
            finished.removeLast();
        }
        return Optional.of(release);
    }

    @Scheduled(fixedDelayString = "${gateway.canary.tick-ms:250}")
    public void tick() {
        for (CanaryRelease release : routing.values()) {
            CanaryRelease.Status before = release.getStatus();
            int rows = release.intervalCount();
            try {
                release.tick(clock.millis(), usable(release));
            } catch (RuntimeException e) {
                release.abort(clock.millis(), "the gateway could not judge the release: " + e);
            }
            CanaryRelease.Status after = release.getStatus();
            if (before == CanaryRelease.Status.WAITING && after == CanaryRelease.Status.RUNNING) {
                readInstances(release, -1); // the starting point of the first interval's differences
            }
            for (int row = rows; row < release.intervalCount(); row++) {
                readInstances(release, row);
            }
            if (before != after) {
                log.info("Canary release of {}: {} -> {} ({})", release.getService(), before, after,
                        release.view().get("reason"));
            }
        }
    }

    /** The instances' own numbers since the last reading, attached to the row (none: only the reading). */
    private void readInstances(CanaryRelease release, int row) {
        if (instanceMetrics == null) {
            return;
        }
        Map<Role, String> addresses = release.addresses();
        readers.execute(() -> {
            Map<String, Object> view = new java.util.LinkedHashMap<>();
            for (Role role : List.of(Role.BASELINE, Role.CANARY)) {
                String address = addresses.get(role);
                if (address != null) {
                    view.put(role.label(), instanceMetrics.since("http://" + address));
                }
            }
            if (row >= 0) {
                release.attachInstanceView(row, view);
            }
        });
    }

    /** The release's instances the gateway's load balancer lists, is not avoiding, and Eureka calls UP. */
    private Set<String> usable(CanaryRelease release) {
        Set<String> usable = new HashSet<>();
        ILoadBalancer balancer = balancers.getLoadBalancer(release.getService());
        if (balancer == null) {
            return usable;
        }
        for (Server server : balancer.getAllServers()) {
            String id = server.getMetaInfo().getInstanceId();
            Role role = release.roleOf(id);
            if (role == Role.PROD) {
                continue;
            }
            if (server instanceof DiscoveryEnabledServer) {
                release.label(role, ((DiscoveryEnabledServer) server).getInstanceInfo().getMetadata());
            }
            release.address(role, server.getHostPort());
            boolean tripped = balancer instanceof AbstractLoadBalancer && ((AbstractLoadBalancer) balancer)
                    .getLoadBalancerStats().getSingleServerStat(server).isCircuitBreakerTripped();
            if (server.isAlive() && !tripped) {
                usable.add(id);
            }
        }
        return usable;
    }
}

package dev.msakit.release.canary;

import dev.msakit.contracts.release.ReleaseMeasurements;
import dev.msakit.contracts.release.ReleaseRoute;
import dev.msakit.release.canary.judge.JudgeSettings;
import dev.msakit.release.routing.RoutingRevision;
import dev.msakit.release.routing.RoutingTableChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The releases: at most one routing per service. A release is judged here, on what every gateway measured, and
 * routed by every gateway through the routing table; each change of its status or share is a new revision of that
 * table. It stays routing after its verdict (a promoted canary keeps everyone, a rolled-back one gets nobody) until
 * whoever started it has replaced or stopped the instances that lost and calls {@link #finish}.
 */
@Service
public class CanaryReleases implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(CanaryReleases.class);
    private static final int LISTED = 20;

    private final ReleaseStore store;
    private final MeasurementStore measurements;
    private final RoutingRevision revision;
    private final ApplicationEventPublisher events;
    private final DiscoveryClient discovery;
    private final InstanceMetrics instanceMetrics;
    private final InstanceProbe probe;
    private final CanaryProperties properties;
    private final TransactionTemplate transaction;
    private final ApplicationContext context;
    private final Clock clock = Clock.systemUTC();
    /** Set when the application starts closing: no release is judged on the reports a stopping server refuses. */
    private volatile boolean closing;

    public CanaryReleases(ReleaseStore store, MeasurementStore measurements, RoutingRevision revision,
                          ApplicationEventPublisher events, DiscoveryClient discovery,
                          InstanceMetrics instanceMetrics, InstanceProbe probe, CanaryProperties properties,
                          PlatformTransactionManager transactions, ApplicationContext context) {
        this.context = context;
        this.store = store;
        this.measurements = measurements;
        this.revision = revision;
        this.events = events;
        this.discovery = discovery;
        this.instanceMetrics = instanceMetrics;
        this.probe = probe;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Starts a release: WAITING in the routing table from this commit on, so no gateway sends anybody to its two. */
    public Map<String, Object> start(CanaryPlan plan, String startedBy) {
        if (!properties.getServices().contains(plan.getService())) {
            throw new InvalidPlanException("service: " + plan.getService() + " is not served through the gateway"
                    + " (one of " + properties.getServices() + ")");
        }
        if ((plan.getBaselineInstance() == null) != (plan.getCanaryInstance() == null)) {
            throw new InvalidPlanException("baselineInstance and canaryInstance: give both, or neither to take the"
                    + " instances registered with the role baseline and canary");
        }
        if (plan.getBaselineInstance() != null && plan.getBaselineInstance().equals(plan.getCanaryInstance())) {
            throw new InvalidPlanException("baselineInstance and canaryInstance must be two different instances");
        }
        List<Integer> steps = plan.getSteps();
        for (int i = 1; steps != null && i < steps.size(); i++) {
            if (steps.get(i) <= steps.get(i - 1)) {
                throw new InvalidPlanException("steps must rise, e.g. [5, 25, 50]; got " + steps);
            }
        }
        long now = clock.millis();
        CanaryRelease release = create(plan, properties, startedBy, now);
        try {
            transaction.executeWithoutResult(status -> {
                store.insert(release);
                changed();
            });
        } catch (DuplicateKeyException running) {
            throw new ReleaseConflictException(plan.getService() + " already has a release; finish or abort it first");
        }
        log.info("Canary release {} of {} started by {}: baseline {}, canary {}", release.getId(), plan.getService(),
                startedBy, plan.getBaselineInstance() == null ? "(role label)" : plan.getBaselineInstance(),
                plan.getCanaryInstance() == null ? "(role label)" : plan.getCanaryInstance());
        return view(release);
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
        return new CanaryRelease(plan.getService(), plan.getBaselineInstance(), plan.getCanaryInstance(), steps,
                1000L * (plan.getIntervalSeconds() != null ? plan.getIntervalSeconds()
                        : properties.getIntervalSeconds()),
                1000L * (plan.getWarmupSeconds() != null ? plan.getWarmupSeconds() : properties.getWarmupSeconds()),
                1000L * (plan.getWaitSeconds() != null ? plan.getWaitSeconds() : properties.getWaitSeconds()),
                maxInconclusive, maxMarginal, settings, startedBy, now);
    }


    /** The service's release: the routing one, else its latest finished. */
    public Map<String, Object> latest(String service) {
        return view(store.latest(service).orElseThrow(() -> new NoReleaseException(service)));
    }

    /** The intervals as terminal lines and the status (what ./msa canary polls: no totals to add up). */
    public String rows(String service) {
        CanaryRelease release = store.latest(service).orElseThrow(() -> new NoReleaseException(service));
        return CanaryRows.text(release.summary(store.intervals(release.getId())));
    }

    /** The routing releases and the latest finished ones. */
    public List<Map<String, Object>> recent() {
        return store.recent(LISTED).stream().map(this::view).collect(Collectors.toList());
    }

    /** Rolls a running release back at once: from this commit on, no gateway sends anybody to the canary. */
    public Map<String, Object> abort(String service, String why) {
        CanaryRelease aborted = transaction.execute(status -> {
            CanaryRelease release = store.lockRouting(service).orElseThrow(() -> new NoReleaseException(service));
            List<Map<String, Object>> rows = new ArrayList<>();
            if (release.abort(clock.millis(), why, measurements.of(release.getId()), rows)) {
                rows.forEach(row -> store.appendInterval(release.getId(), row));
                store.save(release);
                changed();
                log.warn("Canary release of {} rolled back: {}", service, why);
            }
            return release;
        });
        return view(aborted);
    }

    /** Ends the routing of a release with a verdict; a running one is refused (abort it first). */
    public Map<String, Object> finish(String service) {
        CanaryRelease finished = transaction.execute(status -> {
            CanaryRelease release = store.lockRouting(service).orElseThrow(() -> new NoReleaseException(service));
            if (!release.getStatus().isFinal()) {
                throw new ReleaseConflictException("the release of " + service + " is still " + release.getStatus()
                        + "; abort it first");
            }
            store.finish(release.getId());
            changed();
            return release;
        });
        return view(finished);
    }

    /**
     * A gateway's report on a release, counted for the interval it arrives in. One that arrives after the verdict
     * (a gateway reports every few seconds) still counts for the release's totals; one on a release this database
     * never had is refused (404).
     */
    public void record(long releaseId, ReleaseMeasurements report) {
        long now = clock.millis();
        report.getRoles().forEach((label, measured) -> {
            Role role = Role.fromLabel(label).orElseThrow(() -> new InvalidPlanException(
                    "roles: " + label + " is none of prod, baseline, canary"));
            String problem = measured.problem();
            if (problem != null) {
                throw new InvalidPlanException("roles." + label + ": " + problem);
            }
            if (!measured.isEmpty()) {
                try {
                    measurements.record(releaseId, report.getGateway(), role, measured, now);
                } catch (DataIntegrityViolationException noSuchRelease) {
                    throw new NoReleaseException("#" + releaseId);
                }
            }
        });
    }

    /** What gateways route by: every release not finished yet. */
    public List<ReleaseRoute> routes() {
        return store.routing().stream().map(r -> new ReleaseRoute(r.getId(), r.getService(),
                r.getBaselineInstance(), r.getCanaryInstance(), ReleaseRoute.Status.valueOf(r.getStatus().name()),
                r.getShare())).collect(Collectors.toList());
    }

    /**
     * Moves every routing release on, each under its row lock (another instance of release-control skips the ones
     * this one holds, so a release is judged once per interval however many run).
     */
    @Scheduled(fixedDelayString = "${release-control.canary.tick-ms:500}")
    public void tick() {
        if (closing) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            for (CanaryRelease release : store.lockRoutingSkippingLocked()) {
                if (!release.getStatus().isFinal()) {
                    tick(release);
                }
            }
        });
    }

    /** This service's own context closing (see RoutingTableWatch for why not an @EventListener). */
    @Override
    public void onApplicationEvent(ContextClosedEvent closed) {
        if (closed.getApplicationContext() == context) {
            closing = true;
        }
    }

    private void tick(CanaryRelease release) {
        CanaryRelease.Status before = release.getStatus();
        int shareBefore = release.getShare();
        boolean found = release.looksForLabelledInstances() && release.found(labelled(release, Role.BASELINE),
                labelled(release, Role.CANARY));
        Map<String, ServiceInstance> up = upInstances(release);
        label(release, up);
        List<Map<String, Object>> rows;
        try {
            rows = release.tick(clock.millis(), up.keySet(), measurements.of(release.getId()));
        } catch (RuntimeException e) {
            rows = new ArrayList<>();
            release.abort(clock.millis(), "release-control could not judge the release: " + e,
                    measurements.of(release.getId()), rows);
        }
        if (before == CanaryRelease.Status.WAITING && release.getStatus() == CanaryRelease.Status.RUNNING) {
            readInstances(release, up); // the starting point of the first interval's differences
        }
        for (Map<String, Object> row : rows) {
            row.put("instancesSay", readInstances(release, up));
            store.appendInterval(release.getId(), row);
        }
        store.save(release);
        if (found) {
            log.info("Canary release of {}: found its instances by role, baseline {} and canary {}",
                    release.getService(), release.getBaselineInstance(), release.getCanaryInstance());
        }
        if (found || before != release.getStatus() || shareBefore != release.getShare()) {
            changed();
            log.info("Canary release of {}: {} -> {} at {} % ", release.getService(), before, release.getStatus(),
                    release.getShare());
        }
    }

    /** The service's instances registered with this role in their metadata (INSTANCE_ROLE, a pod's label). */
    private List<String> labelled(CanaryRelease release, Role role) {
        return discovery.getInstances(release.getService()).stream()
                .filter(instance -> role.label().equals(instance.getMetadata().get("role")))
                .map(ServiceInstance::getInstanceId).sorted().collect(Collectors.toList());
    }

    /** The release's two instances as the registry lists them UP, less one that does not answer. */
    private Map<String, ServiceInstance> upInstances(CanaryRelease release) {
        Map<String, ServiceInstance> up = new HashMap<>();
        for (ServiceInstance instance : discovery.getInstances(release.getService())) {
            String id = instance.getInstanceId();
            if ((id.equals(release.getBaselineInstance()) || id.equals(release.getCanaryInstance()))
                    && probe.answers(instance)) {
                up.put(id, instance);
            }
        }
        return up;
    }

    private static void label(CanaryRelease release, Map<String, ServiceInstance> up) {
        Optional.ofNullable(up.get(release.getBaselineInstance()))
                .ifPresent(i -> release.label(Role.BASELINE, i.getMetadata()));
        Optional.ofNullable(up.get(release.getCanaryInstance()))
                .ifPresent(i -> release.label(Role.CANARY, i.getMetadata()));
    }

    /** The instances' own numbers since the last reading (report only, never judged). */
    private Map<String, Object> readInstances(CanaryRelease release, Map<String, ServiceInstance> up) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        for (Role role : List.of(Role.BASELINE, Role.CANARY)) {
            ServiceInstance instance = up.get(role == Role.CANARY ? release.getCanaryInstance()
                    : release.getBaselineInstance());
            if (instance != null) {
                view.put(role.label(), instanceMetrics.since(instance.getUri().toString()));
            }
        }
        return view;
    }

    private void changed() {
        events.publishEvent(new RoutingTableChanged(revision.next()));
    }

    private Map<String, Object> view(CanaryRelease release) {
        return release.view(clock.millis(), measurements.of(release.getId()), store.intervals(release.getId()));
    }
}

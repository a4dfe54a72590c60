package dev.msakit.release.reconcile;

import dev.msakit.contracts.migration.ReconciledDatasets;
import dev.msakit.contracts.migration.SyncChecksums;
import dev.msakit.contracts.migration.SyncRepair;
import dev.msakit.release.switches.FeatureSwitch;
import dev.msakit.release.switches.FeatureSwitches;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a feature's data set on its two sides (the switch names them): both sides' checksums per bucket, then
 * row by row only in the buckets that differ, then those rows again after a confirm delay. A row that still differs,
 * the same way, is drift; one that changed meanwhile was in flight. Each run is recorded, and the drift of the last
 * one per feature is a gauge ({@code migration.reconciliation.drift}).
 */
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final FeatureSwitches switches;
    private final SyncSides sides;
    private final ReconciliationStore store;
    private final ReconciliationProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, AtomicInteger> driftGauges = new ConcurrentHashMap<>();

    public Reconciler(FeatureSwitches switches, SyncSides sides, ReconciliationStore store,
                      ReconciliationProperties properties, MeterRegistry meters, Clock clock) {
        this.switches = switches;
        this.sides = sides;
        this.store = store;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Runs one reconciliation of the feature now and records it (a failed one too, with why). */
    public Reconciliation run(String feature, String requestedBy) {
        FeatureSwitch route = switches.get(feature);
        Instant started = clock.instant();
        Reconciliation done;
        try {
            done = compare(route, started, requestedBy);
        } catch (RestClientException | IllegalStateException unreachable) {
            done = new Reconciliation(0, feature, started, clock.instant(), requestedBy, null, null, 0, 0, 0, 0,
                    null, null, List.of(), "a side could not be read: " + unreachable.getMessage());
        }
        Reconciliation saved = store.save(done);
        if (!saved.isFailed()) {
            driftGauge(feature).set(saved.getDrift());
        }
        log.info("Reconciliation #{} of {} ({}): {}", saved.getId(), feature, requestedBy, saved.isFailed()
                ? saved.getError() : saved.getDrift() + " row(s) of drift, " + saved.getInFlight() + " in flight, "
                + saved.getLegacyRows() + " rows at " + route.getLegacyService() + ", " + saved.getNewRows() + " at "
                + route.getNewService());
        return saved;
    }

    /** How far behind each side's publication of the feature's changes is now, in seconds: the larger. */
    public double lagSeconds(String feature) {
        FeatureSwitch route = switches.get(feature);
        return Math.max(sides.lag(route.getLegacyService(), feature).getOutboxLagSeconds(),
                sides.lag(route.getNewService(), feature).getOutboxLagSeconds());
    }

    private Reconciliation compare(FeatureSwitch route, Instant started, String requestedBy) {
        return compared(route).report(started, clock.instant(), requestedBy, properties.getDriftListed());
    }

    /**
     * Repairs the feature's drift from the side that holds it: a fresh reconciliation confirms which rows drift, and
     * the holder publishes them to the other side as it has them (see ProductRepair, OrderRepair); recorded as a
     * reconciliation with its repair. Where each row has its own holder (an order stays with the side that took it),
     * both sides are asked and each publishes the rows it holds. Refused while both sides take writes of a feature
     * held as a whole (PERCENT: neither side is the truth) and while a side that is to receive still has changes to
     * publish (they could be what ends the difference).
     */
    public Reconciliation repair(String feature, String requestedBy) {
        FeatureSwitch route = switches.get(feature);
        List<String> holders = holders(route);
        List<String> receivers = new ArrayList<>(List.of(route.getLegacyService(), route.getNewService()));
        if (holders.size() == 1) {
            receivers.removeAll(holders);
        }
        for (String receiver : receivers) {
            double lag = sides.lag(receiver, feature).getOutboxLagSeconds();
            if (lag > 0) {
                throw new RepairRefusedException(feature, String.format(Locale.ROOT, "%s has changes of it still to"
                        + " publish (%.1f s behind); repair once they are through", receiver, lag));
            }
        }
        Instant started = clock.instant();
        Compared compared = compared(route);
        Set<String> published = new TreeSet<>();
        Map<String, List<String>> whyNot = new TreeMap<>();
        if (!compared.confirmed.isEmpty()) {
            for (String holder : holders) {
                SyncRepair.Result result = askToRepair(route, holder, compared.confirmed.values());
                published.addAll(result.getPublished());
                result.getNotPublished().forEach((id, why) -> whyNot.computeIfAbsent(id, i -> new ArrayList<>())
                        .add(holder + ": " + why));
            }
        }
        List<String> notPublished = whyNot.entrySet().stream().filter(e -> !published.contains(e.getKey()))
                .map(e -> e.getKey() + ": " + String.join("; ", e.getValue())).collect(Collectors.toList());
        Reconciliation saved = store.save(compared.report(started, clock.instant(), requestedBy,
                properties.getDriftListed()).withRepair(new Reconciliation.Repair(String.join(", ", holders),
                published.size(), notPublished)));
        driftGauge(feature).set(saved.getDrift());
        log.info("Reconciliation #{} of {} ({}): {} row(s) of drift, {} published again by {}{}", saved.getId(),
                feature, requestedBy, saved.getDrift(), published.size(), holders,
                notPublished.isEmpty() ? "" : "; not published: " + notPublished);
        return saved;
    }

    /** Sends the holder every drifted row, with its own row as the holder's and the other side's as the other. */
    private SyncRepair.Result askToRepair(FeatureSwitch route, String holder,
                                          Collection<Reconciliation.DriftedRow> drifted) {
        boolean legacyHolds = holder.equals(route.getLegacyService());
        List<SyncRepair.Row> rows = drifted.stream().map(row -> new SyncRepair.Row(row.getId(),
                legacyHolds ? row.getLegacy() : row.getNewSide(), legacyHolds ? row.getNewSide() : row.getLegacy()))
                .collect(Collectors.toList());
        try {
            return sides.repair(holder, route.getName(), new SyncRepair(rows));
        } catch (HttpClientErrorException.Conflict notHere) {
            throw new RepairRefusedException(route.getName(), holder + " does not repair it: "
                    + notHere.getResponseBodyAsString());
        }
    }

    /** Who publishes the repairs: each side its own rows, or the side that takes the feature's writes. */
    private static List<String> holders(FeatureSwitch route) {
        if (ReconciledDatasets.heldPerRow(route.getName())) {
            return List.of(route.getLegacyService(), route.getNewService());
        }
        String writer = FlipGate.writer(route.getMode());
        if (writer.equals("both")) {
            throw new RepairRefusedException(route.getName(), "both sides take its writes (" + route.getMode()
                    + "): switch it to LEGACY or NEW first, so that one side's rows are the truth");
        }
        return List.of(writer.equals("new") ? route.getNewService() : route.getLegacyService());
    }

    /** Both sides' checksums, the buckets that differ, and their rows that differ twice alike (drift). */
    private Compared compared(FeatureSwitch route) {
        String feature = route.getName();
        SyncChecksums legacy = sides.checksums(route.getLegacyService(), feature);
        SyncChecksums fresh = sides.checksums(route.getNewService(), feature);
        Map<String, SyncChecksums.Bucket> legacyBuckets = byBucket(legacy);
        Map<String, SyncChecksums.Bucket> newBuckets = byBucket(fresh);
        Set<String> all = new TreeSet<>(legacyBuckets.keySet());
        all.addAll(newBuckets.keySet());
        Set<String> differing = all.stream().filter(b -> !sameBucket(legacyBuckets.get(b), newBuckets.get(b)))
                .collect(Collectors.toCollection(TreeSet::new));

        Map<String, Reconciliation.DriftedRow> first = differingRows(route, differing);
        Map<String, Reconciliation.DriftedRow> confirmed = new TreeMap<>();
        if (!first.isEmpty()) {
            pause();
            Map<String, Reconciliation.DriftedRow> again = differingRows(route, bucketsOf(first.keySet()));
            first.forEach((id, row) -> {
                Reconciliation.DriftedRow later = again.get(id);
                if (later != null && Objects.equals(later.getLegacy(), row.getLegacy())
                        && Objects.equals(later.getNewSide(), row.getNewSide())) {
                    confirmed.put(id, later);
                }
            });
        }
        return new Compared(feature, legacy, fresh, all.size(), differing.size(), first.size(), confirmed);
    }

    /** What one comparison found, before it is recorded. */
    private static final class Compared {
        final String feature;
        final SyncChecksums legacy;
        final SyncChecksums fresh;
        final int buckets;
        final int differingBuckets;
        final int differingAtFirst;
        /** The drifted rows by bucket/id. */
        final Map<String, Reconciliation.DriftedRow> confirmed;

        Compared(String feature, SyncChecksums legacy, SyncChecksums fresh, int buckets, int differingBuckets,
                 int differingAtFirst, Map<String, Reconciliation.DriftedRow> confirmed) {
            this.feature = feature;
            this.legacy = legacy;
            this.fresh = fresh;
            this.buckets = buckets;
            this.differingBuckets = differingBuckets;
            this.differingAtFirst = differingAtFirst;
            this.confirmed = confirmed;
        }

        Reconciliation report(Instant started, Instant finished, String requestedBy, int listed) {
            return new Reconciliation(0, feature, started, finished, requestedBy, legacy.getRows(), fresh.getRows(),
                    buckets, differingBuckets, confirmed.size(), differingAtFirst - confirmed.size(),
                    legacy.getOutboxLagSeconds(), fresh.getOutboxLagSeconds(),
                    confirmed.values().stream().limit(listed).collect(Collectors.toList()), null);
        }
    }

    /** The rows of these buckets that are not the same on both sides, by id. */
    private Map<String, Reconciliation.DriftedRow> differingRows(FeatureSwitch route, Set<String> buckets) {
        Map<String, Reconciliation.DriftedRow> differing = new TreeMap<>();
        for (String bucket : buckets) {
            Map<String, String> legacy = byId(sides.rows(route.getLegacyService(), route.getName(), bucket));
            Map<String, String> fresh = byId(sides.rows(route.getNewService(), route.getName(), bucket));
            Set<String> ids = new TreeSet<>(legacy.keySet());
            ids.addAll(fresh.keySet());
            for (String id : ids) {
                if (!Objects.equals(legacy.get(id), fresh.get(id))) {
                    differing.put(bucket + "/" + id, new Reconciliation.DriftedRow(id, legacy.get(id),
                            fresh.get(id)));
                }
            }
        }
        return differing;
    }

    private static Set<String> bucketsOf(Set<String> keys) {
        return keys.stream().map(k -> k.substring(0, k.indexOf('/'))).collect(Collectors.toCollection(TreeSet::new));
    }

    private void pause() {
        try {
            Thread.sleep(properties.getConfirmDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while confirming drift", e);
        }
    }

    private static boolean sameBucket(SyncChecksums.Bucket a, SyncChecksums.Bucket b) {
        return a != null && b != null && a.getCount() == b.getCount() && a.getChecksum().equals(b.getChecksum());
    }

    private static Map<String, SyncChecksums.Bucket> byBucket(SyncChecksums side) {
        return side.getBuckets().stream().collect(Collectors.toMap(SyncChecksums.Bucket::getBucket,
                Function.identity()));
    }

    private static Map<String, String> byId(List<SyncChecksums.Row> rows) {
        Map<String, String> byId = new TreeMap<>();
        rows.forEach(r -> byId.put(r.getId(), r.getRow()));
        return byId;
    }

    private AtomicInteger driftGauge(String feature) {
        return driftGauges.computeIfAbsent(feature, f -> meters.gauge("migration.reconciliation.drift",
                Tags.of("feature", f), new AtomicInteger()));
    }

    /** For the scheduled run: every feature, one after the other. */
    public List<Reconciliation> runAll(String requestedBy) {
        List<Reconciliation> done = new ArrayList<>();
        switches.all().forEach(s -> done.add(run(s.getName(), requestedBy)));
        return done;
    }
}

package dev.msakit.gateway.migration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the switches did on this gateway instance since it started: requests per feature and side, reads that fell
 * back to legacy because the new side's circuit was open, and shadow comparisons. Also published as meters
 * (migration.requests, migration.shadow), so Admin and Prometheus see every instance.
 */
public class MigrationCounters {

    private final MeterRegistry meters;
    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
    private final Timer decisions;

    public MigrationCounters(MeterRegistry meters) {
        this.meters = meters;
        this.decisions = Timer.builder("migration.decision")
                .description("Time the gateway spends deciding which side serves a routed request").register(meters);
    }

    /** How long one routing decision took (the switch's whole cost on the request path, counters included). */
    public void decided(long nanos) {
        decisions.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void routed(String feature, Side side) {
        count(feature, side.header(), "migration.requests", "side", side.header());
    }

    public void fellBack(String feature) {
        count(feature, "fallbackToLegacy", "migration.requests", "side", "legacy-fallback");
    }

    public void shadow(String feature, String outcome) {
        count(feature, "shadow." + outcome, "migration.shadow", "outcome", outcome);
    }

    private void count(String feature, String key, String meter, String tag, String value) {
        counts.computeIfAbsent(feature, f -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> {
                    LongAdder adder = new LongAdder();
                    meters.more().counter(meter, Tags.of("feature", feature, tag,
                            value), adder, LongAdder::doubleValue);
                    return adder;
                }).increment();
    }

    /** This instance's counts for one feature: legacy, new, fallbackToLegacy, shadow.compared, ... */
    public Map<String, Long> of(String feature) {
        Map<String, Long> view = new LinkedHashMap<>();
        for (String key : new String[] {"legacy", "new", "fallbackToLegacy", "shadow.compared", "shadow.mismatched",
                "shadow.skipped", "shadow.failed"}) {
            LongAdder adder = counts.getOrDefault(feature, Map.of()).get(key);
            view.put(key, adder == null ? 0 : adder.sum());
        }
        return view;
    }
}

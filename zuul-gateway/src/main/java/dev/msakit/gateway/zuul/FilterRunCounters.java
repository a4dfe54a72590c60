package dev.msakit.gateway.zuul;

import com.netflix.zuul.ExecutionStatus;
import com.netflix.zuul.FilterUsageNotifier;
import com.netflix.zuul.ZuulFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each Zuul filter's runs by outcome in Micrometer ({@code gateway.zuul.filter.runs}, tags filter, type,
 * status), replacing Zuul's own notifier. That one builds a Servo tag list and looks its counter up by hashing it on
 * every filter of every request (about twenty per request), into Servo counters that nothing here reads or exports.
 * These counters are made once per filter and outcome and show on /actuator/metrics.
 */
public class FilterRunCounters implements FilterUsageNotifier {

    static final String METRIC = "gateway.zuul.filter.runs";
    private static final ExecutionStatus[] STATUSES = ExecutionStatus.values();

    private final MeterRegistry registry;
    private final Map<ZuulFilter, Counter[]> countersByFilter = new ConcurrentHashMap<>();

    public FilterRunCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(ZuulFilter filter, ExecutionStatus status) {
        countersByFilter.computeIfAbsent(filter, this::countersOf)[status.ordinal()].increment();
    }

    private Counter[] countersOf(ZuulFilter filter) {
        Counter[] counters = new Counter[STATUSES.length];
        for (ExecutionStatus status : STATUSES) {
            counters[status.ordinal()] = Counter.builder(METRIC)
                    .description("Runs of a Zuul filter by outcome")
                    .tag("filter", filter.getClass().getSimpleName())
                    .tag("type", filter.filterType())
                    .tag("status", status.name())
                    .register(registry);
        }
        return counters;
    }
}

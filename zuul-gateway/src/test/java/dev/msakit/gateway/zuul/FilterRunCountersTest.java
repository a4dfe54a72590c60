package dev.msakit.gateway.zuul;

import com.netflix.zuul.FilterProcessor;
import com.netflix.zuul.context.RequestContext;
import com.netflix.zuul.exception.ZuulException;
import com.netflix.zuul.monitoring.CounterFactory;
import com.netflix.zuul.monitoring.TracerFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.netflix.zuul.metrics.EmptyCounterFactory;
import org.springframework.cloud.netflix.zuul.metrics.EmptyTracerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Zuul's own FilterProcessor reporting to the counters: outcomes counted per filter, meters made once. */
class FilterRunCountersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FilterProcessor processor = new FilterProcessor();

    FilterRunCountersTest() {
        // What Spring Cloud's ZuulFilterInitializer sets up in the gateway: Zuul's per-filter counter and tracer.
        CounterFactory.initialize(new EmptyCounterFactory());
        TracerFactory.initialize(new EmptyTracerFactory());
        processor.setFilterUsageNotifier(new FilterRunCounters(registry));
    }

    @AfterEach
    void clearContext() {
        RequestContext.getCurrentContext().unset();
    }

    @Test
    void countsEachOutcomeOfEachFilter() throws Exception {
        TestFilter runs = new TestFilter("pre", true, null, null);
        TestFilter skipped = new TestFilter("route", false, null, null);
        TestFilter fails = new TestFilter("post", true, new IllegalStateException("broken filter"), null);

        for (int i = 0; i < 3; i++) {
            processor.processZuulFilter(runs);
        }
        processor.processZuulFilter(skipped);
        assertThatThrownBy(() -> processor.processZuulFilter(fails)).isInstanceOf(ZuulException.class);

        assertThat(count("pre", "SUCCESS")).isEqualTo(3);
        assertThat(count("route", "SKIPPED")).isEqualTo(1);
        assertThat(count("route", "SUCCESS")).isZero();
        assertThat(count("post", "FAILED")).isEqualTo(1);
    }

    @Test
    void makesTheMetersOnceNotOnEveryRun() throws Exception {
        TestFilter filter = new TestFilter("pre", true, null, null);
        processor.processZuulFilter(filter);
        int meters = registry.getMeters().size();
        for (int i = 0; i < 100; i++) {
            processor.processZuulFilter(filter);
        }
        assertThat(registry.getMeters()).hasSize(meters);
        assertThat(count("pre", "SUCCESS")).isEqualTo(101);
    }

    private double count(String type, String status) {
        return registry.get(FilterRunCounters.METRIC).tag("filter", "TestFilter").tag("type", type)
                .tag("status", status).counter().count();
    }
}

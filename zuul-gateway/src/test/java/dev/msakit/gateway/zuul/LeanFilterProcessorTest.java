package dev.msakit.gateway.zuul;

import com.netflix.config.ConfigurationManager;
import com.netflix.zuul.ExecutionStatus;
import com.netflix.zuul.FilterProcessor;
import com.netflix.zuul.context.RequestContext;
import com.netflix.zuul.exception.ZuulException;
import com.netflix.zuul.monitoring.CounterFactory;
import com.netflix.zuul.monitoring.TracerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.netflix.zuul.metrics.EmptyCounterFactory;
import org.springframework.cloud.netflix.zuul.metrics.EmptyTracerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class LeanFilterProcessorTest {

    private final List<String> leanSaw = new ArrayList<>();
    private final List<String> zuulSaw = new ArrayList<>();
    private final FilterProcessor lean = new LeanFilterProcessor((filter, status) -> leanSaw.add(status.name()));
    private final FilterProcessor zuul = new FilterProcessor();

    LeanFilterProcessorTest() {
        // What Spring Cloud's ZuulFilterInitializer sets up in the gateway.
        CounterFactory.initialize(new EmptyCounterFactory());
        TracerFactory.initialize(new EmptyTracerFactory());
        zuul.setFilterUsageNotifier((filter, status) -> zuulSaw.add(status.name()));
    }

    @AfterEach
    void clear() {
        ConfigurationManager.getConfigInstance().clearProperty("zuul.TestFilter.pre.disable");
        RequestContext.getCurrentContext().unset();
    }

    @Test
    void sameOutcomesAndResultsAsZuulsOwnProcessor() throws Exception {
        for (Supplier<TestFilter> filter : List.<Supplier<TestFilter>>of(
                () -> new TestFilter("pre", true, null, "routed"),
                () -> new TestFilter("pre", false, null, "unused"))) {
            assertThat(lean.processZuulFilter(filter.get())).isEqualTo(zuul.processZuulFilter(filter.get()));
        }
        assertThat(leanSaw).containsExactly("SUCCESS", "SKIPPED").isEqualTo(zuulSaw);
    }

    @Test
    void aFailingFilterIsWrappedAsZuulWrapsIt() {
        IllegalStateException broken = new IllegalStateException("broken filter");
        ZuulException fromLean = (ZuulException) catchThrowable(() ->
                lean.processZuulFilter(new TestFilter("pre", true, broken, null)));
        ZuulException fromZuul = (ZuulException) catchThrowable(() ->
                zuul.processZuulFilter(new TestFilter("pre", true, broken, null)));

        assertThat(fromLean.getCause()).isSameAs(broken);
        assertThat(fromLean.nStatusCode).isEqualTo(500).isEqualTo(fromZuul.nStatusCode);
        assertThat(fromLean.errorCause).isEqualTo("pre:TestFilter").isEqualTo(fromZuul.errorCause);
        assertThat(fromLean.getMessage()).isEqualTo(fromZuul.getMessage());
        assertThat(leanSaw).containsExactly("FAILED").isEqualTo(zuulSaw);
    }

    @Test
    void aZuulExceptionPassesUnchanged() {
        ZuulException refused = new ZuulException("too many requests", 429, "rate limit");
        assertThatThrownBy(() -> lean.processZuulFilter(new TestFilter("pre", true, refused, null))).isSameAs(refused);
        assertThat(leanSaw).containsExactly("FAILED");
    }

    @Test
    void theDisableSwitchIsReadOnEveryRequest() throws Exception {
        TestFilter filter = new TestFilter("pre", true, null, "ran");
        assertThat(lean.processZuulFilter(filter)).isEqualTo("ran");

        ConfigurationManager.getConfigInstance().setProperty("zuul.TestFilter.pre.disable", "true");
        assertThat(lean.processZuulFilter(filter)).isNull();
        assertThat(filter.runs).isEqualTo(1);

        ConfigurationManager.getConfigInstance().setProperty("zuul.TestFilter.pre.disable", "false");
        assertThat(lean.processZuulFilter(filter)).isEqualTo("ran");
        assertThat(filter.runs).isEqualTo(2);
        assertThat(leanSaw).containsExactly("SUCCESS", ExecutionStatus.DISABLED.name(), "SUCCESS");
    }

    @Test
    void onlyDebugRoutingKeepsTheExecutionSummary() throws Exception {
        lean.processZuulFilter(new TestFilter("pre", true, null, null));
        assertThat(RequestContext.getCurrentContext().getFilterExecutionSummary().toString()).isEmpty();

        RequestContext.getCurrentContext().setDebugRouting(true);
        lean.processZuulFilter(new TestFilter("pre", true, null, null));
        assertThat(RequestContext.getCurrentContext().getFilterExecutionSummary().toString())
                .startsWith("TestFilter[SUCCESS]");
        assertThat(leanSaw).containsExactly("SUCCESS", "SUCCESS");
    }
}

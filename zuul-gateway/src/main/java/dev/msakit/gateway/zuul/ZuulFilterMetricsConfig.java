package dev.msakit.gateway.zuul;

import com.netflix.zuul.FilterProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Zuul's filter usage goes to Micrometer (see {@link FilterRunCounters}); Zuul keeps one processor per JVM. */
@Configuration(proxyBeanMethods = false)
public class ZuulFilterMetricsConfig {

    @Bean
    public FilterRunCounters filterRunCounters(MeterRegistry registry) {
        return new FilterRunCounters(registry);
    }

    @Bean
    public SmartInitializingSingleton filterRunCountersInstaller(FilterRunCounters counters) {
        return () -> FilterProcessor.getInstance().setFilterUsageNotifier(counters);
    }
}

package dev.msakit.gateway.zuul;

import com.netflix.zuul.FilterProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Zuul runs the gateway's filters: with the {@link LeanFilterProcessor}, reporting each filter's outcome to
 * Micrometer ({@link FilterRunCounters}). Zuul keeps one processor per JVM, set once the filters exist.
 */
@Configuration(proxyBeanMethods = false)
public class ZuulFilterProcessingConfig {

    @Bean
    public FilterRunCounters filterRunCounters(MeterRegistry registry) {
        return new FilterRunCounters(registry);
    }

    @Bean
    public SmartInitializingSingleton leanFilterProcessorInstaller(FilterRunCounters counters) {
        return () -> FilterProcessor.setProcessor(new LeanFilterProcessor(counters));
    }
}

package dev.msakit.platform.tracing;

import brave.Tracer;
import brave.Tracing;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.sleuth.autoconfig.TraceAutoConfiguration;
import org.springframework.cloud.sleuth.instrument.web.TraceWebServletAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The trace id in each response (X-Trace-Id), to quote in a bug report and find in Zipkin; and at the edge
 * ({@code platform.tracing.accept-incoming=false}) the caller's own trace context ignored, so that the edge starts
 * the trace.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@AutoConfigureAfter(TraceAutoConfiguration.class)
public class PlatformTracingAutoConfiguration {

    @Bean
    @ConditionalOnBean(Tracer.class)
    public FilterRegistrationBean<TraceIdResponseFilter> traceIdResponseFilter(Tracer tracer) {
        FilterRegistrationBean<TraceIdResponseFilter> registration =
                new FilterRegistrationBean<>(new TraceIdResponseFilter(tracer));
        // Right after Sleuth's own tracing filter (HIGHEST_PRECEDENCE + 5), which opens the span.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        return registration;
    }

    /** Ahead of Sleuth's tracing filter, which would otherwise join the caller's trace and keep its sampling. */
    @Bean
    @ConditionalOnBean(Tracing.class)
    @ConditionalOnProperty(name = "platform.tracing.accept-incoming", havingValue = "false")
    public FilterRegistrationBean<IncomingTraceContextFilter> incomingTraceContextFilter(Tracing tracing) {
        FilterRegistrationBean<IncomingTraceContextFilter> registration =
                new FilterRegistrationBean<>(new IncomingTraceContextFilter(tracing.propagation().keys()));
        registration.setOrder(TraceWebServletAutoConfiguration.TRACING_FILTER_ORDER - 1);
        return registration;
    }
}

package dev.msakit.platform.web.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.problem.ProblemErrorController;
import dev.msakit.platform.problem.ProblemErrorReportValve;
import dev.msakit.platform.problem.ProblemExceptionHandler;
import dev.msakit.platform.web.RequestGuardFilter;
import org.apache.catalina.core.StandardHost;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.actuate.trace.http.HttpTraceRepository;
import org.springframework.boot.actuate.trace.http.InMemoryHttpTraceRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * One error shape everywhere: the problem handler for controllers, an error controller for everything else, a guard
 * for requests refused before any controller; and the HTTP traces Admin shows.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@AutoConfigureBefore(ErrorMvcAutoConfiguration.class)
public class PlatformWebAutoConfiguration {

    @Bean
    public ProblemExceptionHandler problemExceptionHandler(ObjectMapper json) {
        return new ProblemExceptionHandler(json);
    }

    @Bean
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Before the security filters, whose firewall rejections it turns into 400 problems. */
    @Bean
    public FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(ObjectMapper json,
            @Value("${platform.web.max-body-size:1MB}") DataSize maxBodySize,
            @Value("${server.tomcat.max-swallow-size:2MB}") DataSize drainSize) {
        FilterRegistrationBean<RequestGuardFilter> registration = new FilterRegistrationBean<>(
                new RequestGuardFilter(json, maxBodySize.toBytes(), drainSize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Bounded in memory: the last 100 exchanges, for Admin's "HTTP traces" view (HTTP_TRACES=true). */
    @Bean
    @ConditionalOnMissingBean(HttpTraceRepository.class)
    @ConditionalOnProperty(prefix = "management.trace.http", name = "enabled", havingValue = "true")
    public HttpTraceRepository httpTraceRepository() {
        return new InMemoryHttpTraceRepository();
    }

    /**
     * What only Tomcat needs. Kept apart so that a service on another servlet container (the -Pundertow build that
     * bench/server-ab measures) still gets the rest of the starter instead of failing on missing Tomcat classes.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    public static class TomcatCustomizations {

        /** Requests Tomcat refuses itself get a problem body too (see {@link ProblemErrorReportValve}). */
        @Bean
        public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
            return factory -> factory.addContextCustomizers(context ->
                    ((StandardHost) context.getParent())
                            .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
        }

        /**
         * Requests one connection may carry before Tomcat closes it (Boot 2.3 has no property for it; Tomcat's
         * default is 100). Behind the gateway every 100th proxied request paid for a new connection at both ends, and
         * so did every 100th request of a client holding its connection open; nginx allows 1,000. -1: no limit.
         */
        @Bean
        public WebServerFactoryCustomizer<TomcatServletWebServerFactory> keepAliveRequests(
                @Value("${platform.web.max-keep-alive-requests:1000}") int maxKeepAliveRequests) {
            return factory -> factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol) {
                    ((AbstractHttp11Protocol<?>) connector.getProtocolHandler())
                            .setMaxKeepAliveRequests(maxKeepAliveRequests);
                }
            });
        }
    }
}

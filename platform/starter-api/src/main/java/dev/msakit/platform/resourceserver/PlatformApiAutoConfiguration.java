package dev.msakit.platform.resourceserver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What a domain service's API adds to the web defaults: complete responses (see {@link CompleteResponseFilter}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformApiAutoConfiguration {

    @Bean
    public FilterRegistrationBean<CompleteResponseFilter> completeResponseFilter() {
        FilterRegistrationBean<CompleteResponseFilter> registration =
                new FilterRegistrationBean<>(new CompleteResponseFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }
}

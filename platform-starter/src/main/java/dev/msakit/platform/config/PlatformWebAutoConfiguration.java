package dev.msakit.platform.config;

import dev.msakit.platform.problem.ProblemErrorController;
import dev.msakit.platform.problem.ProblemExceptionHandler;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** One error shape everywhere: the problem handler for controllers and an error controller for everything else. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@AutoConfigureBefore(ErrorMvcAutoConfiguration.class)
public class PlatformWebAutoConfiguration {

    @Bean
    public ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }

    @Bean
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    @ConditionalOnProperty(name = "platform.web.complete-responses", matchIfMissing = true)
    public FilterRegistrationBean<CompleteResponseFilter> completeResponseFilter() {
        FilterRegistrationBean<CompleteResponseFilter> registration =
                new FilterRegistrationBean<>(new CompleteResponseFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }
}

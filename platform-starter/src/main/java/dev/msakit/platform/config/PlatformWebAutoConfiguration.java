package dev.msakit.platform.config;

import dev.msakit.platform.problem.ProblemErrorController;
import dev.msakit.platform.problem.ProblemErrorReportValve;
import dev.msakit.platform.problem.ProblemExceptionHandler;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
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

    /** Requests Tomcat refuses itself get a problem body too (see {@link ProblemErrorReportValve}). */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context ->
                ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
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

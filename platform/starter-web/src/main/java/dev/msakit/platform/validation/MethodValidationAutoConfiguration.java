package dev.msakit.platform.validation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

import javax.validation.Validator;
import javax.validation.executable.ExecutableValidator;

/**
 * Method validation ({@code @Validated} controllers: constraints on path variables and parameters) as Spring Boot
 * sets it up, without two costs it has on every call in Boot 2.3, found with JFR on the gateway (about a tenth of its
 * CPU per request): Boot hands the interceptor a {@code @Lazy} validator proxy, which looks the validator bean up in
 * the bean factory again on each call; and it proxies {@code @Validated @ConfigurationProperties} beans too, so every
 * getter call (the rate limiter reads its settings several times per request) runs through method validation,
 * although their constraints were checked once, when they were bound.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ExecutableValidator.class)
@ConditionalOnResource(resources = "classpath:META-INF/services/javax.validation.spi.ValidationProvider")
@AutoConfigureBefore(ValidationAutoConfiguration.class)
public class MethodValidationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public static MethodValidationPostProcessor methodValidationPostProcessor(Environment environment,
                                                                              ObjectProvider<Validator> validator) {
        MethodValidationPostProcessor processor = new SettingsAwareMethodValidationPostProcessor();
        processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
        processor.setValidator(new ValidatorResolvedOnce(validator::getObject));
        return processor;
    }
}

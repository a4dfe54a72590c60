package dev.msakit.platform.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.netflix.hystrix.HystrixCommand;
import com.netflix.hystrix.HystrixCommandGroupKey;
import com.netflix.hystrix.HystrixCommandKey;
import com.netflix.hystrix.HystrixCommandProperties;
import feign.Feign;
import feign.codec.ErrorDecoder;
import feign.hystrix.SetterFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.cloud.netflix.hystrix.EnableHystrix;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Calls between services: Hystrix on (its stream feeds Turbine), Feign's errors and timeouts as the platform wants
 * them, and their failures answered as problems.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ErrorDecoder.class)
@EnableHystrix
public class PlatformFeignAutoConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public DownstreamProblemHandler downstreamProblemHandler() {
        return new DownstreamProblemHandler();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorDecoder.class)
    public ErrorDecoder problemErrorDecoder(ObjectMapper objectMapper) {
        return new ProblemErrorDecoder(objectMapper);
    }

    /**
     * Feign names its Hystrix commands after methods (ProductClient#reserve(...)), so a per-service property cannot
     * reach them: each command gets the timeout budget of its client's Ribbon settings here instead (the same keys
     * and group as Feign's own factory, so dashboards and metrics keep their names).
     */
    @Bean
    @ConditionalOnClass(SetterFactory.class)
    @ConditionalOnMissingBean(SetterFactory.class)
    public SetterFactory timeoutBudgetSetterFactory(ConfigurableEnvironment environment) {
        TimeoutBudget budget = new TimeoutBudget(environment);
        return (target, method) -> HystrixCommand.Setter
                .withGroupKey(HystrixCommandGroupKey.Factory.asKey(target.name()))
                .andCommandKey(HystrixCommandKey.Factory.asKey(Feign.configKey(target.type(), method)))
                .andCommandPropertiesDefaults(HystrixCommandProperties.Setter()
                        .withExecutionTimeoutInMilliseconds(Math.toIntExact(budget.hystrixTimeoutMs(target.name()))));
    }
}

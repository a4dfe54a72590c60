package dev.msakit.platform.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.codec.ErrorDecoder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Feign defaults shared by every service-to-service client. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ErrorDecoder.class)
public class PlatformFeignAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ErrorDecoder.class)
    public ErrorDecoder problemErrorDecoder(ObjectMapper objectMapper) {
        return new ProblemErrorDecoder(objectMapper);
    }
}

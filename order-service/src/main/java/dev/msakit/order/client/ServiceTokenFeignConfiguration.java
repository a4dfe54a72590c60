package dev.msakit.order.client;

import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Feign configuration of the clients that call internal APIs: adds order-service's SERVICE token. Deliberately not
 * a @Configuration, so it applies only to the clients that name it (not to the token client itself).
 */
public class ServiceTokenFeignConfiguration {

    @Bean
    public RequestInterceptor serviceTokenInterceptor(ServiceTokenProvider tokens) {
        return template -> template.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token());
    }
}

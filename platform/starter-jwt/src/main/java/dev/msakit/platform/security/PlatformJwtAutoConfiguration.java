package dev.msakit.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;

/** A {@link JwtDecoder} verifying tokens against the issuer's JWK set, for the gateway and every service. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(NimbusJwtDecoder.class)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformJwtAutoConfiguration {

    /** The issuer's keys over HTTP, fetched before the application reports ready (see {@link RemoteTokenKeys}). */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    public RemoteTokenKeys platformTokenKeys(PlatformSecurityProperties properties,
                                             RestTemplateBuilder restTemplateBuilder,
                                             ObjectProvider<LoadBalancerClient> loadBalancerClient) {
        RestTemplateBuilder builder = restTemplateBuilder
                .setConnectTimeout(Duration.ofSeconds(2))
                .setReadTimeout(Duration.ofSeconds(3))
                // First, so a throttled fetch does not even pick an instance.
                .additionalInterceptors(new ThrottledKeyFetches(properties.getJwkSetMinRefetchInterval(),
                        Clock.systemUTC()));
        LoadBalancerClient lb = loadBalancerClient.getIfAvailable();
        if (properties.isJwkSetLoadBalanced() && lb != null) {
            // A private interceptor rather than a @LoadBalanced bean: services keep their own RestTemplates unqualified.
            builder = builder.additionalInterceptors(new LoadBalancerInterceptor(lb));
        }
        // An issuer not registered yet is asked again for a minute: under ./msa the services start together.
        return new RemoteTokenKeys(PlatformJwtDecoders.remoteKeys(properties.getJwkSetUri(), builder.build()),
                Duration.ofSeconds(2), 30);
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    public JwtDecoder platformJwtDecoder(PlatformSecurityProperties properties, RemoteTokenKeys keys) {
        return properties.remembering(PlatformJwtDecoders.fromKeySource(keys, properties.getIssuer(),
                properties.getAudiences()), Clock.systemUTC());
    }
}

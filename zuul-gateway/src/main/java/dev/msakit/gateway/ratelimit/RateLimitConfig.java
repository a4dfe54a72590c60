package dev.msakit.gateway.ratelimit;

import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.RateLimitUtils;
import com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.properties.RateLimitProperties;
import dev.msakit.gateway.filter.ZuulProblemResponse;
import io.github.bucket4j.grid.GridBucketState;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Rate limits (spring-cloud-zuul-ratelimit, configured under zuul.ratelimit in application.yml). The token buckets
 * live in this gateway's memory: with several gateway instances each enforces the limits on its own share of the
 * traffic; for limits shared across instances switch zuul.ratelimit.repository to REDIS.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "zuul.ratelimit", name = "enabled", havingValue = "true")
public class RateLimitConfig {

    private static final String CACHE = "gateway-rate-limits";

    @Bean
    public RateLimitUtils memberRateLimitUtils(RateLimitProperties properties,
                                               @Value("${gateway.trusted-proxy-hops:1}") int trustedProxyHops) {
        return new MemberRateLimitUtils(properties, trustedProxyHops);
    }

    @Bean
    public RateLimitExceededProblemFilter rateLimitExceededProblemFilter(ZuulProblemResponse problems) {
        return new RateLimitExceededProblemFilter(problems);
    }

    /** A cache manager of this application context's own: the provider's default one is shared by the whole JVM. */
    @Bean(destroyMethod = "close")
    public CacheManager rateLimitCacheManager() {
        CachingProvider provider = Caching.getCachingProvider(CaffeineCachingProvider.class.getName());
        return provider.getCacheManager(URI.create("msa-gateway-rate-limits-" + UUID.randomUUID()),
                getClass().getClassLoader());
    }

    @Bean
    @Qualifier("RateLimit")
    public Cache<String, GridBucketState> rateLimitBuckets(CacheManager rateLimitCacheManager) {
        Cache<String, GridBucketState> existing = rateLimitCacheManager.getCache(CACHE);
        if (existing != null) {
            return existing;
        }
        MutableConfiguration<String, GridBucketState> configuration = new MutableConfiguration<String, GridBucketState>()
                .setTypes(String.class, GridBucketState.class)
                // Buckets stay in this JVM: no copying on every request.
                .setStoreByValue(false)
                // Buckets of clients gone quiet are dropped; an hour is far longer than any window configured.
                .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(new Duration(TimeUnit.HOURS, 1)));
        return rateLimitCacheManager.createCache(CACHE, configuration);
    }
}

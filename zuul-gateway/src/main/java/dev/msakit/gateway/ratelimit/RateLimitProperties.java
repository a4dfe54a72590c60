package dev.msakit.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * gateway.rate-limit.*: the limits every caller gets ({@code default-policies}) and, per route id, a list that
 * replaces them on that route ({@code route-policies.<route>}). A request is counted against every policy of its
 * route that applies to it.
 */
@ConfigurationProperties("gateway.rate-limit")
public class RateLimitProperties {

    private boolean enabled = true;
    /** Take the client address from X-Forwarded-For (gateway.trusted-proxy-hops tells which entry). */
    private boolean behindProxy;
    /** Buckets kept at most (least recently used dropped first), so a flood of new addresses cannot fill memory. */
    private long maxBuckets = 100_000;
    private List<Policy> defaultPolicies = new ArrayList<>();
    private Map<String, List<Policy>> routePolicies = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isBehindProxy() {
        return behindProxy;
    }

    public void setBehindProxy(boolean behindProxy) {
        this.behindProxy = behindProxy;
    }

    public long getMaxBuckets() {
        return maxBuckets;
    }

    public void setMaxBuckets(long maxBuckets) {
        this.maxBuckets = maxBuckets;
    }

    public List<Policy> getDefaultPolicies() {
        return defaultPolicies;
    }

    public void setDefaultPolicies(List<Policy> defaultPolicies) {
        this.defaultPolicies = defaultPolicies;
    }

    public Map<String, List<Policy>> getRoutePolicies() {
        return routePolicies;
    }

    public void setRoutePolicies(Map<String, List<Policy>> routePolicies) {
        this.routePolicies = routePolicies;
    }

    /**
     * {@code limit} requests per {@code refresh-interval} (seconds unless a unit is given) per caller; {@code type}
     * says who a caller is: {@code user} (the member, or the address without a token), {@code origin} (the client
     * address), and {@code http_method=<method>} narrows the policy to one method.
     */
    public static class Policy {

        private long limit;
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration refreshInterval = Duration.ofSeconds(1);
        private List<String> type = new ArrayList<>();

        public long getLimit() {
            return limit;
        }

        public void setLimit(long limit) {
            this.limit = limit;
        }

        public Duration getRefreshInterval() {
            return refreshInterval;
        }

        public void setRefreshInterval(Duration refreshInterval) {
            this.refreshInterval = refreshInterval;
        }

        public List<String> getType() {
            return type;
        }

        public void setType(List<String> type) {
            this.type = type;
        }
    }
}

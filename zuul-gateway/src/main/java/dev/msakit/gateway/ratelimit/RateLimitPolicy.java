package dev.msakit.gateway.ratelimit;

import com.netflix.zuul.context.RequestContext;

import java.time.Duration;
import java.util.Locale;

/** One configured limit, checked once at start-up: whom it counts, how many requests per interval, which method. */
final class RateLimitPolicy {

    private static final String METHOD_PREFIX = "http_method=";

    final long limit;
    final Duration interval;
    private final boolean perMember;
    private final boolean perAddress;
    private final String method;
    /** Tells this policy's buckets apart from the other policies' of the same route. */
    private final String name;

    private RateLimitPolicy(long limit, Duration interval, boolean perMember, boolean perAddress, String method,
                            String name) {
        this.limit = limit;
        this.interval = interval;
        this.perMember = perMember;
        this.perAddress = perAddress;
        this.method = method;
        this.name = name;
    }

    static RateLimitPolicy of(RateLimitProperties.Policy configured, String name) {
        if (configured.getLimit() < 1) {
            throw new IllegalStateException("Rate limit policy " + name + ": limit must be 1 or more");
        }
        if (configured.getRefreshInterval() == null || configured.getRefreshInterval().isNegative()
                || configured.getRefreshInterval().isZero()) {
            throw new IllegalStateException("Rate limit policy " + name + ": refresh-interval must be positive");
        }
        boolean perMember = false;
        boolean perAddress = false;
        String method = null;
        for (String type : configured.getType()) {
            String normalized = type.trim().toLowerCase(Locale.ROOT);
            if (normalized.equals("user")) {
                perMember = true;
            } else if (normalized.equals("origin")) {
                perAddress = true;
            } else if (normalized.startsWith(METHOD_PREFIX)) {
                method = normalized.substring(METHOD_PREFIX.length()).toUpperCase(Locale.ROOT);
            } else {
                throw new IllegalStateException("Rate limit policy " + name + ": unknown type '" + type
                        + "' (user, origin, http_method=<method>)");
            }
        }
        return new RateLimitPolicy(configured.getLimit(), configured.getRefreshInterval(), perMember, perAddress,
                method, name);
    }

    boolean appliesTo(RequestContext context) {
        return method == null || method.equalsIgnoreCase(context.getRequest().getMethod());
    }

    /** The bucket this request counts against: this policy's, for this caller. */
    String bucketKey(Callers.Caller caller) {
        StringBuilder key = new StringBuilder(64).append(name);
        if (perMember) {
            key.append('|').append(caller.memberOrAddress());
        }
        if (perAddress) {
            key.append('|').append(caller.address());
        }
        return key.toString();
    }
}

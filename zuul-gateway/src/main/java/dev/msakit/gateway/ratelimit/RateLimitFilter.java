package dev.msakit.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.netflix.zuul.ZuulFilter;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.gateway.filter.ZuulProblemResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import javax.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.PRE_DECORATION_FILTER_ORDER;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.PRE_TYPE;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.PROXY_KEY;

/**
 * Counts each routed request against its route's policies (gateway.rate-limit), one token bucket per policy, route
 * and caller, kept in this gateway's memory: with several gateway instances each enforces the limits on its own
 * share of the traffic. Over a limit: 429 problem+json with Retry-After, and the request goes no further.
 * <p>
 * The headers a client sees describe the limit that will stop it first: {@code X-RateLimit-Limit/Remaining} of the
 * policy with the fewest requests left (the smaller limit on a tie), and {@code X-RateLimit-Reset}, the ms until
 * that allowance is whole again (until the next request is allowed, when refused).
 * <p>
 * (This replaced spring-cloud-zuul-ratelimit, whose limiter serialised every request of the gateway on one lock,
 * kept buckets in a JCache behind Bucket4j's grid commands, matched the route a second time and ran two regular
 * expressions over every key: a tenth of the gateway's CPU per request.)
 */
public class RateLimitFilter extends ZuulFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private final List<RateLimitPolicy> defaults;
    private final Map<String, List<RateLimitPolicy>> byRoute = new HashMap<>();
    private final Callers callers;
    private final ZuulProblemResponse problems;
    private final MeterRegistry meters;
    private final LongSupplier nanoTime;
    private final Cache<String, TokenBucket> buckets;

    public RateLimitFilter(RateLimitProperties properties, Callers callers, ZuulProblemResponse problems,
                           MeterRegistry meters, LongSupplier nanoTime) {
        this.defaults = compile("default", properties.getDefaultPolicies());
        properties.getRoutePolicies().forEach((route, policies) -> byRoute.put(route, compile(route, policies)));
        this.callers = callers;
        this.problems = problems;
        this.meters = meters;
        this.nanoTime = nanoTime;
        // A bucket unused for its longest interval is full again: dropping it then forgets nothing.
        Duration longest = Duration.ofSeconds(1);
        for (Collection<RateLimitPolicy> policies : allPolicies()) {
            for (RateLimitPolicy policy : policies) {
                longest = policy.interval.compareTo(longest) > 0 ? policy.interval : longest;
            }
        }
        this.buckets = Caffeine.newBuilder().maximumSize(properties.getMaxBuckets()).expireAfterAccess(longest)
                .build();
    }

    private static List<RateLimitPolicy> compile(String name, List<RateLimitProperties.Policy> configured) {
        List<RateLimitPolicy> policies = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            policies.add(RateLimitPolicy.of(configured.get(i), name + "[" + i + "]"));
        }
        return List.copyOf(policies);
    }

    private List<Collection<RateLimitPolicy>> allPolicies() {
        List<Collection<RateLimitPolicy>> all = new ArrayList<>(byRoute.values());
        all.add(defaults);
        return all;
    }

    @Override
    public String filterType() {
        return PRE_TYPE;
    }

    /** After the JWT filter (PRE_DECORATION_FILTER_ORDER + 1), which tells who the member is. */
    @Override
    public int filterOrder() {
        return PRE_DECORATION_FILTER_ORDER + 2;
    }

    @Override
    public boolean shouldFilter() {
        return true;
    }

    @Override
    public Object run() {
        RequestContext context = RequestContext.getCurrentContext();
        String route = (String) context.get(PROXY_KEY);
        List<RateLimitPolicy> policies = route == null ? defaults : byRoute.getOrDefault(route, defaults);
        long now = nanoTime.getAsLong();
        RateLimitPolicy shownPolicy = null;
        TokenBucket.Take shown = null;
        Callers.Caller caller = callers.of(context);
        for (RateLimitPolicy policy : policies) {
            if (!policy.appliesTo(context)) {
                continue;
            }
            String key = route + '|' + policy.bucketKey(caller);
            TokenBucket.Take take = buckets.get(key, k -> new TokenBucket(policy.limit, policy.interval, now))
                    .take(now);
            if (take.refused()) {
                refuse(context, route, policy, take);
                return null;
            }
            if (shown == null || take.remaining < shown.remaining
                    || (take.remaining == shown.remaining && policy.limit < shownPolicy.limit)) {
                shown = take;
                shownPolicy = policy;
            }
        }
        if (shown != null) {
            headers(context.getResponse(), shownPolicy, shown.remaining, shown.resetMillis);
        }
        return null;
    }

    private void refuse(RequestContext context, String route, RateLimitPolicy policy, TokenBucket.Take take) {
        HttpServletResponse response = context.getResponse();
        headers(response, policy, 0, take.resetMillis);
        long seconds = Math.max(1, (take.resetMillis + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        meters.counter("gateway.rate.limit.refused", "route", String.valueOf(route)).increment();
        log.debug("Rate limit {}/{} reached on route {}", policy.limit, policy.interval, route);
        problems.send(context, HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry after " + seconds + " s");
    }

    private static void headers(HttpServletResponse response, RateLimitPolicy policy, long remaining, long reset) {
        response.setHeader(LIMIT, Long.toString(policy.limit));
        response.setHeader(REMAINING, Long.toString(remaining));
        response.setHeader(RESET, Long.toString(reset));
    }
}

package dev.msakit.gateway.ratelimit;

import com.netflix.zuul.ZuulFilter;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.gateway.filter.ZuulProblemResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.support.RateLimitConstants.HEADER_RESET;
import static com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.support.RateLimitConstants.RATE_LIMIT_EXCEEDED;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.ERROR_TYPE;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.SEND_ERROR_FILTER_ORDER;

/**
 * Turns the rate limiter's refusal into a 429 problem+json with Retry-After (whole seconds until the bucket has a
 * token again), before Zuul's generic error handling would answer it as an exception.
 */
public class RateLimitExceededProblemFilter extends ZuulFilter {

    private final ZuulProblemResponse problems;

    public RateLimitExceededProblemFilter(ZuulProblemResponse problems) {
        this.problems = problems;
    }

    @Override
    public String filterType() {
        return ERROR_TYPE;
    }

    @Override
    public int filterOrder() {
        return SEND_ERROR_FILTER_ORDER - 1;
    }

    @Override
    public boolean shouldFilter() {
        return "true".equals(String.valueOf(RequestContext.getCurrentContext().get(RATE_LIMIT_EXCEEDED)));
    }

    @Override
    public Object run() {
        RequestContext context = RequestContext.getCurrentContext();
        long seconds = retryAfterSeconds(context.getResponse().getHeader(HEADER_RESET));
        context.getResponse().setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        // Handled here: Zuul's SendErrorFilter must not answer the same request again.
        context.remove("throwable");
        problems.send(context, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; retry after " + seconds + " s");
        return null;
    }

    /** The limiter reports milliseconds until the next token; clients get whole seconds, at least one. */
    static long retryAfterSeconds(String resetMillis) {
        try {
            return Math.max(1, (Long.parseLong(resetMillis.trim()) + 999) / 1000);
        } catch (RuntimeException missingOrMalformed) {
            return 1;
        }
    }
}

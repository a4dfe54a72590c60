package dev.msakit.gateway.canary;

import com.netflix.zuul.ZuulFilter;
import com.netflix.zuul.context.RequestContext;
import io.micrometer.core.instrument.Timer;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.POST_TYPE;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.SEND_RESPONSE_FILTER_ORDER;

/**
 * Records what became of a request under release, from the gateway's side: the status and latency of the answer
 * for the role that gave it, and a failed attempt for each instance that gave none (refused connection, timeout)
 * before a retry elsewhere. Zuul runs post filters after errors too.
 */
public class CanaryOutcomeFilter extends ZuulFilter {

    /** Which role answered, on every answer of a service under release: what a support engineer asks first. */
    public static final String ROLE_HEADER = "X-Canary-Role";

    private final Timer overhead;

    public CanaryOutcomeFilter(Timer overhead) {
        this.overhead = overhead;
    }

    @Override
    public String filterType() {
        return POST_TYPE;
    }

    /** Before the body is streamed: the latency is the time to the answer's headers. */
    @Override
    public int filterOrder() {
        return SEND_RESPONSE_FILTER_ORDER - 10;
    }

    @Override
    public boolean shouldFilter() {
        return CanaryAttempt.current().isPresent();
    }

    @Override
    public Object run() {
        long now = System.nanoTime();
        Optional<CanaryAttempt> current = CanaryAttempt.current();
        if (current.isEmpty()) {
            return null;
        }
        CanaryAttempt attempt = current.get();
        for (Role failed : attempt.failed()) {
            attempt.release.attemptFailed(failed);
        }
        Role answered = attempt.chosen();
        if (answered != null) {
            RequestContext context = RequestContext.getCurrentContext();
            context.addZuulResponseHeader(ROLE_HEADER, answered.label());
            int status = context.getResponseStatusCode();
            if (context.getThrowable() != null) {
                status = Math.max(status, 502);
            }
            attempt.release.answered(answered, status, (now - attempt.startedNanos) / 1e6);
        }
        overhead.record(System.nanoTime() - now, TimeUnit.NANOSECONDS);
        return null;
    }
}

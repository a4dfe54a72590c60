package dev.msakit.gateway.canary;

import com.netflix.zuul.context.RequestContext;
import dev.msakit.contracts.release.ReleaseRoute;
import dev.msakit.gateway.filter.RoutedRequestFilter;
import dev.msakit.gateway.migration.StickySubject;
import io.micrometer.core.instrument.Timer;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.SERVICE_ID_KEY;

/**
 * Gives each request to a service under release its role (canary, baseline or prod) from a sticky hash of the
 * caller; {@link CanaryAwareRule} then picks the instance. Runs after the migration switches (order 8), which may
 * send the request to another service altogether.
 */
public class CanaryRoutingFilter extends RoutedRequestFilter {

    static final int ORDER = 9;

    private final ReleaseRouting releases;
    private final String cookie;
    private final Timer overhead;

    public CanaryRoutingFilter(ReleaseRouting releases, String cookie, Timer overhead) {
        this.releases = releases;
        this.cookie = cookie;
        this.overhead = overhead;
    }

    @Override
    public int filterOrder() {
        return ORDER;
    }

    @Override
    public Object run() {
        long started = System.nanoTime();
        RequestContext context = RequestContext.getCurrentContext();
        Optional<RoutedRelease> release = releases.routing(context.get(SERVICE_ID_KEY).toString());
        if (release.isPresent()) {
            RoutedRelease underRelease = release.get();
            Role role = underRelease.getStatus() == ReleaseRoute.Status.RUNNING
                    ? underRelease.roleFor(StickySubject.of(context, cookie))
                    : underRelease.roleFor(null);
            CanaryAttempt.begin(context, underRelease, role);
        }
        overhead.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return null;
    }
}

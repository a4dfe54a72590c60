package dev.msakit.gateway.migration;

import com.netflix.hystrix.HystrixCircuitBreaker;
import com.netflix.hystrix.HystrixCommandKey;
import com.netflix.hystrix.strategy.properties.HystrixPropertiesFactory;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.contracts.release.FeatureRoute.Mode;
import dev.msakit.gateway.filter.RoutedRequestFilter;

import javax.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.REQUEST_URI_KEY;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.SERVICE_ID_KEY;

/**
 * Decides per request, from this instance's copy of the switch table, whether the legacy shop or the new service
 * serves it, by changing the target service of the (static) route: no route refresh, no registry change. Runs after
 * the token check and the rate limits, so both apply whichever side serves.
 */
public class MigrationRoutingFilter extends RoutedRequestFilter {

    public static final String TARGET_HEADER = "X-Migration-Target";
    /** Request-context key naming the feature whose read is to be replayed to the new side (SHADOW). */
    static final String SHADOW_FEATURE = "msa.migration.shadow";
    /** Request-context key of the new side's service for a shadowed read. */
    static final String SHADOW_SERVICE = "msa.migration.shadowService";
    /** After JwtAuthenticationFilter (6) and the rate limits (7). */
    static final int ORDER = 8;

    private final SwitchTable switches;
    private final MigrationCounters counters;
    private final MigrationProperties properties;
    /** Per new service whose circuit is open: when it was seen open, or when a read last went to it as a trial. */
    private final Map<String, AtomicLong> lastTrial = new ConcurrentHashMap<>();

    public MigrationRoutingFilter(SwitchTable switches, MigrationCounters counters, MigrationProperties properties) {
        this.switches = switches;
        this.counters = counters;
        this.properties = properties;
    }

    @Override
    public int filterOrder() {
        return ORDER;
    }

    @Override
    public Object run() {
        long started = System.nanoTime();
        try {
            decide(RequestContext.getCurrentContext());
        } finally {
            counters.decided(System.nanoTime() - started);
        }
        return null;
    }

    private void decide(RequestContext context) {
        HttpServletRequest request = context.getRequest();
        String method = request.getMethod();
        Object path = context.get(REQUEST_URI_KEY);
        Optional<FeatureSwitch> decided = path == null ? Optional.empty()
                : switches.decide(method, path.toString());
        if (decided.isEmpty()) {
            announce(context, Side.NEW);
            return;
        }
        FeatureSwitch feature = decided.get();
        Side side = feature.getMode() == Mode.PERCENT
                ? feature.sideFor(StickySubject.of(context, properties.getCookie())) : feature.sideFor(null);
        boolean safe = "GET".equals(method) || "HEAD".equals(method);
        if (side == Side.NEW && safe && properties.isReadFallbackToLegacy()
                && newSideDown(feature.getNewService())) {
            side = Side.LEGACY;
            counters.fellBack(feature.getName());
        }
        if (feature.getMode() == Mode.SHADOW && safe) {
            context.set(SHADOW_FEATURE, feature.getName());
            context.set(SHADOW_SERVICE, feature.getNewService());
        }
        context.set(SERVICE_ID_KEY, feature.serviceOf(side));
        counters.routed(feature.getName(), side);
        announce(context, side);
    }

    private void announce(RequestContext context, Side side) {
        if (properties.isTargetHeader()) {
            context.addZuulResponseHeader(TARGET_HEADER, side.header());
        }
    }

    /**
     * Whether the new service's circuit is open. Hystrix closes a circuit only when a request let through after its
     * sleep window succeeds, and reads sent to legacy never are one: so once per sleep window one read still goes to
     * the new side as that trial (it fails like any request to an open circuit if the service is still down), and
     * the first that succeeds brings the others back. Hystrix's own allowRequest() is not asked: in this version it
     * takes the single trial for itself, which would keep the circuit open for good.
     */
    private boolean newSideDown(String serviceId) {
        HystrixCommandKey key = HystrixCommandKey.Factory.asKey(serviceId);
        HystrixCircuitBreaker breaker = HystrixCircuitBreaker.Factory.getInstance(key);
        if (breaker == null || !breaker.isOpen()) {
            lastTrial.remove(serviceId);
            return false;
        }
        long now = System.currentTimeMillis();
        AtomicLong last = lastTrial.computeIfAbsent(serviceId, id -> new AtomicLong(now));
        long previous = last.get();
        long sleepWindow = HystrixPropertiesFactory.getCommandProperties(key, null)
                .circuitBreakerSleepWindowInMilliseconds().get();
        return !(now - previous >= sleepWindow && last.compareAndSet(previous, now));
    }
}

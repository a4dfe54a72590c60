package dev.msakit.gateway.migration;

import com.netflix.util.Pair;
import com.netflix.zuul.ZuulFilter;
import com.netflix.zuul.context.RequestContext;

import java.time.Duration;

import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.POST_TYPE;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.PROXY_KEY;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.SEND_RESPONSE_FILTER_ORDER;

/**
 * Read your writes at the gateway that took the change: a switch changed through it (PUT to release-control's
 * admin API) is answered once this gateway routes by the change's revision (its ETag), at most {@code max-wait}
 * later; the next request through the same gateway is already routed the new way. Other gateways follow within
 * their next long poll.
 */
public class AppliedChangeFilter extends ZuulFilter {

    static final String ROUTE = "admin-features";

    private final SwitchTable table;
    private final Duration maxWait;

    public AppliedChangeFilter(SwitchTable table, Duration maxWait) {
        this.table = table;
        this.maxWait = maxWait;
    }

    @Override
    public String filterType() {
        return POST_TYPE;
    }

    @Override
    public int filterOrder() {
        return SEND_RESPONSE_FILTER_ORDER - 20;
    }

    @Override
    public boolean shouldFilter() {
        RequestContext context = RequestContext.getCurrentContext();
        return ROUTE.equals(context.get(PROXY_KEY)) && context.getRequest() != null
                && "PUT".equals(context.getRequest().getMethod()) && context.getResponseStatusCode() == 200;
    }

    @Override
    public Object run() {
        for (Pair<String, String> header : RequestContext.getCurrentContext().getOriginResponseHeaders()) {
            if ("ETag".equalsIgnoreCase(header.first())) {
                try {
                    table.awaitRevision(Long.parseLong(header.second().replace("\"", "").trim()), maxWait);
                } catch (NumberFormatException notAVersion) {
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return null;
    }
}

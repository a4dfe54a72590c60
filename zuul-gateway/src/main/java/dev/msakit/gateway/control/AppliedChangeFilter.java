package dev.msakit.gateway.control;

import com.netflix.util.Pair;
import com.netflix.zuul.ZuulFilter;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.contracts.ServiceIds;
import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.gateway.migration.SwitchTable;

import java.time.Duration;

import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.POST_TYPE;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.SEND_RESPONSE_FILTER_ORDER;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.SERVICE_ID_KEY;

/**
 * Read your writes at the gateway that took the change: a change of the routing table made through it (a switch
 * flipped, a canary release started, aborted or finished at release-control's admin API) is answered once this
 * gateway routes by the revision that holds it ({@link RoutingTable#REVISION_HEADER}), at most {@code max-wait}
 * later. The next request through the same gateway is already routed the new way (a client that starts a release
 * and then its load sends nobody to the canary uncounted); other gateways follow within their next long poll.
 */
public class AppliedChangeFilter extends ZuulFilter {

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
        int status = context.getResponseStatusCode();
        return ServiceIds.RELEASE_CONTROL.equals(context.get(SERVICE_ID_KEY)) && status >= 200 && status < 300;
    }

    @Override
    public Object run() {
        for (Pair<String, String> header : RequestContext.getCurrentContext().getOriginResponseHeaders()) {
            if (RoutingTable.REVISION_HEADER.equalsIgnoreCase(header.first())) {
                try {
                    table.awaitRevision(Long.parseLong(header.second().trim()), maxWait);
                } catch (NumberFormatException notARevision) {
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return null;
    }
}

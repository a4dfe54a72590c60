package dev.msakit.gateway.filter;

import com.netflix.zuul.ZuulFilter;
import com.netflix.zuul.context.RequestContext;

import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.PRE_TYPE;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.SERVICE_ID_KEY;

/**
 * A pre filter that decides something about where a routed request goes (the migration switch, the canary share):
 * it runs only for requests that are being routed to a service and that no filter before has answered (401, 429).
 */
public abstract class RoutedRequestFilter extends ZuulFilter {

    @Override
    public final String filterType() {
        return PRE_TYPE;
    }

    @Override
    public boolean shouldFilter() {
        RequestContext context = RequestContext.getCurrentContext();
        return context.sendZuulResponse() && context.get(SERVICE_ID_KEY) != null;
    }
}

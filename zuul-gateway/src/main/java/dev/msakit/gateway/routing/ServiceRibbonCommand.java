package dev.msakit.gateway.routing;

import com.netflix.client.config.IClientConfig;
import com.netflix.hystrix.HystrixCommand;
import org.springframework.cloud.netflix.ribbon.apache.RibbonApacheHttpRequest;
import org.springframework.cloud.netflix.ribbon.apache.RibbonApacheHttpResponse;
import org.springframework.cloud.netflix.ribbon.apache.RibbonLoadBalancingHttpClient;
import org.springframework.cloud.netflix.ribbon.support.RibbonCommandContext;
import org.springframework.cloud.netflix.zuul.filters.ZuulProperties;
import org.springframework.cloud.netflix.zuul.filters.route.FallbackProvider;
import org.springframework.cloud.netflix.zuul.filters.route.support.AbstractRibbonCommand;

/**
 * One proxied call to a service, as Spring Cloud's {@code HttpClientRibbonCommand} makes it (the same Hystrix command
 * key, group, thread pool and property defaults, the same request), built from a Hystrix setter made once per service
 * instead of once per request.
 */
class ServiceRibbonCommand extends AbstractRibbonCommand<RibbonLoadBalancingHttpClient, RibbonApacheHttpRequest,
        RibbonApacheHttpResponse> {

    ServiceRibbonCommand(HystrixCommand.Setter setter, RibbonLoadBalancingHttpClient client,
                         RibbonCommandContext context, FallbackProvider fallback, IClientConfig config) {
        super(setter, client, context, fallback, config);
    }

    /** What Spring Cloud computes for each command: the key is the service id, the timeout from Ribbon's settings. */
    static HystrixCommand.Setter setterFor(String serviceId, ZuulProperties zuulProperties, IClientConfig config) {
        return getSetter(serviceId, zuulProperties, config);
    }

    @Override
    protected RibbonApacheHttpRequest createRequest() {
        return new RibbonApacheHttpRequest(context);
    }
}

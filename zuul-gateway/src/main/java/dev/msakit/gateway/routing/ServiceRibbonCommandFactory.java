package dev.msakit.gateway.routing;

import com.netflix.client.config.IClientConfig;
import com.netflix.hystrix.HystrixCommand;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;
import org.springframework.cloud.netflix.ribbon.apache.RibbonLoadBalancingHttpClient;
import org.springframework.cloud.netflix.ribbon.support.RibbonCommandContext;
import org.springframework.cloud.netflix.zuul.filters.ZuulProperties;
import org.springframework.cloud.netflix.zuul.filters.route.FallbackProvider;
import org.springframework.cloud.netflix.zuul.filters.route.RibbonCommand;
import org.springframework.cloud.netflix.zuul.filters.route.support.AbstractRibbonCommandFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's commands for routed requests: Spring Cloud's Apache HttpClient commands, with what they look up per
 * service found once. Spring Cloud's factory asks the service's Ribbon context for the client, the load balancer and
 * the configuration, and builds the Hystrix setter from about ten Archaius lookups, on every request (~7 % of the
 * gateway's CPU on a catalog read, JFR); Hystrix reads that setter's defaults only for the first command of a key
 * and keeps them, so building it again changes nothing. Timeouts, retries, fallbacks and circuits are unchanged.
 */
public class ServiceRibbonCommandFactory extends AbstractRibbonCommandFactory {

    private final SpringClientFactory clientFactory;
    private final ZuulProperties zuulProperties;
    private final Map<String, Service> services = new ConcurrentHashMap<>();

    public ServiceRibbonCommandFactory(SpringClientFactory clientFactory, ZuulProperties zuulProperties,
                                       Set<FallbackProvider> fallbackProviders) {
        super(fallbackProviders);
        this.clientFactory = clientFactory;
        this.zuulProperties = zuulProperties;
    }

    @Override
    public RibbonCommand create(RibbonCommandContext context) {
        String serviceId = context.getServiceId();
        Service service = services.get(serviceId);
        if (service == null) {
            service = services.computeIfAbsent(serviceId, this::lookUp);
        }
        return new ServiceRibbonCommand(service.setter, service.client, context, getFallbackProvider(serviceId),
                service.config);
    }

    private Service lookUp(String serviceId) {
        RibbonLoadBalancingHttpClient client = clientFactory.getClient(serviceId, RibbonLoadBalancingHttpClient.class);
        client.setLoadBalancer(clientFactory.getLoadBalancer(serviceId));
        IClientConfig config = clientFactory.getClientConfig(serviceId);
        return new Service(client, config, ServiceRibbonCommand.setterFor(serviceId, zuulProperties, config));
    }

    private static final class Service {
        final RibbonLoadBalancingHttpClient client;
        final IClientConfig config;
        final HystrixCommand.Setter setter;

        Service(RibbonLoadBalancingHttpClient client, IClientConfig config, HystrixCommand.Setter setter) {
            this.client = client;
            this.config = config;
            this.setter = setter;
        }
    }
}

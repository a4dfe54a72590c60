package dev.msakit.gateway.routing;

import com.netflix.client.config.CommonClientConfigKey;
import com.netflix.client.config.DefaultClientConfigImpl;
import com.netflix.client.config.IClientConfig;
import com.netflix.loadbalancer.ILoadBalancer;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;
import org.springframework.cloud.netflix.ribbon.apache.RibbonLoadBalancingHttpClient;
import org.springframework.cloud.netflix.ribbon.support.RibbonCommandContext;
import org.springframework.cloud.netflix.zuul.filters.ZuulProperties;
import org.springframework.cloud.netflix.zuul.filters.route.FallbackProvider;
import org.springframework.cloud.netflix.zuul.filters.route.apache.HttpClientRibbonCommand;
import org.springframework.util.LinkedMultiValueMap;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ServiceRibbonCommandFactoryTest {

    private final SpringClientFactory clients = mock(SpringClientFactory.class);
    private final RibbonLoadBalancingHttpClient productClient = mock(RibbonLoadBalancingHttpClient.class);
    private final ILoadBalancer productBalancer = mock(ILoadBalancer.class);
    private final IClientConfig productConfig = config("product-service");
    private final FallbackProvider fallback = mock(FallbackProvider.class);
    private final ZuulProperties zuul = new ZuulProperties();
    private final ServiceRibbonCommandFactory factory = new ServiceRibbonCommandFactory(clients, zuul, Set.of(fallback));

    ServiceRibbonCommandFactoryTest() {
        when(clients.getClient("product-service", RibbonLoadBalancingHttpClient.class)).thenReturn(productClient);
        when(clients.getLoadBalancer("product-service")).thenReturn(productBalancer);
        when(clients.getClientConfig("product-service")).thenReturn(productConfig);
        when(fallback.getRoute()).thenReturn("*");
    }

    @Test
    void makesTheCommandSpringCloudsFactoryWouldMake() {
        ServiceRibbonCommand ours = (ServiceRibbonCommand) factory.create(context("product-service"));
        HttpClientRibbonCommand springs = new HttpClientRibbonCommand("product-service", productClient,
                context("product-service"), zuul, fallback, productConfig);

        assertThat(ours.getCommandKey()).isEqualTo(springs.getCommandKey());
        assertThat(ours.getCommandGroup()).isEqualTo(springs.getCommandGroup());
        assertThat(ours.getThreadPoolKey()).isEqualTo(springs.getThreadPoolKey());
        assertThat(ours.getProperties().executionTimeoutInMilliseconds().get())
                .isEqualTo(springs.getProperties().executionTimeoutInMilliseconds().get());
        assertThat(ours.getProperties().executionIsolationStrategy().get())
                .isEqualTo(springs.getProperties().executionIsolationStrategy().get());
        assertThat(ours.getClient()).isSameAs(productClient);
        assertThat(ours.getContext().getServiceId()).isEqualTo("product-service");
        verify(productClient).setLoadBalancer(productBalancer);
    }

    @Test
    void looksUpAServicesPartsOnceNotOnEveryRequest() {
        for (int i = 0; i < 5; i++) {
            assertThat(((ServiceRibbonCommand) factory.create(context("product-service"))).getClient())
                    .isSameAs(productClient);
        }
        verify(clients, times(1)).getClient("product-service", RibbonLoadBalancingHttpClient.class);
        verify(clients, times(1)).getLoadBalancer("product-service");
        verify(clients, times(1)).getClientConfig("product-service");
    }

    @Test
    void eachRequestGetsItsOwnCommand() {
        RibbonCommandContext first = context("product-service");
        RibbonCommandContext second = context("product-service");
        ServiceRibbonCommand one = (ServiceRibbonCommand) factory.create(first);
        ServiceRibbonCommand two = (ServiceRibbonCommand) factory.create(second);
        assertThat(one).isNotSameAs(two);
        assertThat(one.getContext()).isSameAs(first);
        assertThat(two.getContext()).isSameAs(second);
    }

    private static RibbonCommandContext context(String serviceId) {
        return new RibbonCommandContext(serviceId, "GET", "/products/1", true, new LinkedMultiValueMap<>(),
                new LinkedMultiValueMap<>(), null, java.util.List.of());
    }

    private static IClientConfig config(String name) {
        DefaultClientConfigImpl config = new DefaultClientConfigImpl();
        config.loadProperties(name);
        config.set(CommonClientConfigKey.ConnectTimeout, 500);
        config.set(CommonClientConfigKey.ReadTimeout, 2000);
        return config;
    }
}

package dev.msakit.gateway.retry;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryPolicy;
import org.springframework.cloud.client.loadbalancer.ServiceInstanceChooser;
import org.springframework.cloud.netflix.ribbon.RibbonLoadBalancedRetryFactory;
import org.springframework.cloud.netflix.ribbon.RibbonLoadBalancedRetryPolicy;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;

/**
 * Ribbon's retry asks the balancer for "the next server" with a plain choose(), which under concurrent load can
 * return the instance that just failed. Measured in the system test: one failed GET in a few thousand when an
 * instance was killed. This policy asks again (a few times) until it gets a different instance.
 */
public class DifferentInstanceRetryFactory extends RibbonLoadBalancedRetryFactory {

    private final SpringClientFactory clientFactory;

    public DifferentInstanceRetryFactory(SpringClientFactory clientFactory) {
        super(clientFactory);
        this.clientFactory = clientFactory;
    }

    @Override
    public LoadBalancedRetryPolicy createRetryPolicy(String service, ServiceInstanceChooser chooser) {
        return new DifferentInstancePolicy(service, clientFactory, chooser);
    }

    static final class DifferentInstancePolicy extends RibbonLoadBalancedRetryPolicy {

        private static final int MAX_CHOICES = 5;

        private final String serviceId;
        private final ServiceInstanceChooser chooser;

        DifferentInstancePolicy(String serviceId, SpringClientFactory clientFactory, ServiceInstanceChooser chooser) {
            super(serviceId, clientFactory.getLoadBalancerContext(serviceId), chooser,
                    clientFactory.getClientConfig(serviceId));
            this.serviceId = serviceId;
            this.chooser = chooser;
        }

        @Override
        public void registerThrowable(LoadBalancedRetryContext context, Throwable throwable) {
            ServiceInstance failed = context.getServiceInstance();
            super.registerThrowable(context, throwable);
            ServiceInstance next = context.getServiceInstance();
            if (failed == null || next == null || next == failed) {
                return; // first call, or a retry on the same server by configuration
            }
            for (int i = 0; i < MAX_CHOICES && sameAddress(failed, next); i++) {
                ServiceInstance other = chooser.choose(serviceId);
                if (other == null) {
                    break;
                }
                next = other;
            }
            context.setServiceInstance(next);
        }

        private static boolean sameAddress(ServiceInstance a, ServiceInstance b) {
            return a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
        }
    }
}

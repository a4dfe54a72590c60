package dev.msakit.gateway.retry;

import dev.msakit.gateway.canary.CanaryAttempt;
import org.apache.http.conn.ConnectTimeoutException;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryPolicy;
import org.springframework.cloud.client.loadbalancer.ServiceInstanceChooser;
import org.springframework.cloud.netflix.ribbon.RibbonLoadBalancedRetryFactory;
import org.springframework.cloud.netflix.ribbon.RibbonLoadBalancedRetryPolicy;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;

import java.net.ConnectException;

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

        /**
         * Ribbon retries GETs only; a request whose connection was refused or timed out while connecting never
         * reached the instance, so any method may go to another one (a POST to an instance that just died is not
         * lost).
         */
        @Override
        public boolean canRetry(LoadBalancedRetryContext context) {
            return super.canRetry(context) || neverSent(context.getLastThrowable());
        }

        static boolean neverSent(Throwable failure) {
            return failure instanceof ConnectException || failure instanceof ConnectTimeoutException;
        }

        @Override
        public void registerThrowable(LoadBalancedRetryContext context, Throwable throwable) {
            CanaryAttempt.markLastAttemptFailed();
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

package dev.msakit.platform.client;

import com.netflix.discovery.DiscoveryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.Field;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Takes 3 s off every graceful stop of an application that registers with Eureka. eureka-client 1.10's
 * {@code DiscoveryClient.shutdown()} stops its instance-info replicator with {@code shutdown()} and then waits up to
 * 3 s for its scheduler to end; a scheduled executor keeps running its delayed tasks after {@code shutdown()} by
 * default, and the replicator always holds one (its next 30 s run), so the wait always lasts the full 3 s, before
 * the instance even deregisters. Told not to run delayed tasks after shutdown, the scheduler ends at once. Seen on
 * every rollout step, restart and ./msa down. The replicator is not reachable through eureka-client's API: it is
 * found by its field names, and if a later version renames them nothing changes but the 3 s.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(DiscoveryClient.class)
public class EurekaShutdownAutoConfiguration {

    @Bean
    public static EurekaReplicatorRelease eurekaReplicatorRelease() {
        return new EurekaReplicatorRelease();
    }

    /**
     * Each Eureka client as it is created (also one a refresh creates anew): only the scheduler's behaviour after its
     * shutdown changes, so it is set right away.
     */
    public static final class EurekaReplicatorRelease implements BeanPostProcessor {

        private static final Logger log = LoggerFactory.getLogger(EurekaReplicatorRelease.class);

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DiscoveryClient) {
                releaseOnShutdown((DiscoveryClient) bean);
            }
            return bean;
        }

        /** Lets the client's replicator scheduler end at its shutdown instead of after 3 s; false if not found. */
        static boolean releaseOnShutdown(DiscoveryClient client) {
            try {
                Object replicator = field(DiscoveryClient.class, "instanceInfoReplicator").get(client);
                if (replicator == null) {
                    return false; // a client that does not register: nothing waits
                }
                Object scheduler = field(replicator.getClass(), "scheduler").get(replicator);
                if (!(scheduler instanceof ScheduledThreadPoolExecutor)) {
                    return false;
                }
                ((ScheduledThreadPoolExecutor) scheduler).setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                return true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.debug("Eureka's replicator not found ({}): its shutdown waits 3 s", e.toString());
                return false;
            }
        }

        private static Field field(Class<?> type, String name) throws NoSuchFieldException {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        }
    }
}

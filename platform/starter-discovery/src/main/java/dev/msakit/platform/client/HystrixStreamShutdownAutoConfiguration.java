package dev.msakit.platform.client;

import com.netflix.hystrix.contrib.sample.stream.HystrixSampleSseServlet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Ends the open {@code /actuator/hystrix.stream} responses when the application starts to shut down. Turbine keeps one
 * such response open on every instance for ever, and graceful shutdown waits for open requests: each stop of a
 * service (a rollout, a restart, ./msa down) waited about 10 s for it. The stream servlet's own shutdown flag, set
 * at the start of the close, lets its loop end at its next turn, and refuses new streams with a 503.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HystrixSampleSseServlet.class)
public class HystrixStreamShutdownAutoConfiguration {

    @Bean
    public HystrixStreamsEnder hystrixStreamsEnder(ApplicationContext context) {
        return new HystrixStreamsEnder(context);
    }

    /** Only this context's close: the load balancers' child contexts close too, and tell their parent. */
    public static final class HystrixStreamsEnder implements ApplicationListener<ContextClosedEvent> {

        private final ApplicationContext context;

        HystrixStreamsEnder(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public void onApplicationEvent(ContextClosedEvent closed) {
            if (closed.getApplicationContext() == context) {
                HystrixSampleSseServlet.shutdown();
            }
        }
    }
}

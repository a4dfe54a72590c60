package dev.msakit.platform.messaging;

import brave.Tracing;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.SeekToCurrentErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;

import javax.validation.Validator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The messaging platform for a service with a database and Kafka: {@link Outbox} to send, {@link IncomingMessages}
 * for its listeners, the relay, the retention job, the metrics, and the container error handler that retries
 * outages until they end ({@link OutageRetryingErrorHandler}).
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigureAfter({KafkaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        HibernateJpaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnBean({JdbcTemplate.class, KafkaTemplate.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class PlatformMessagingAutoConfiguration {

    @Bean
    MessageTracing messageTracing(ObjectProvider<Tracing> tracing) {
        // Without Sleuth (a test that turns it off) messages carry no trace, and nothing else changes.
        return new MessageTracing(tracing.getIfAvailable(() -> Tracing.newBuilder()
                .sampler(brave.sampler.Sampler.NEVER_SAMPLE).build()));
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                            KafkaTemplate<?, ?> kafka, ProducerFactory<?, ?> producers, MessageTracing tracing,
                            MessagingProperties properties) {
        return new OutboxRelay(jdbc, transactionManager, strings(kafka), stringProducers(producers), tracing,
                properties.getRelay());
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, ObjectMapper json, MessageTracing tracing, OutboxRelay relay) {
        return new Outbox(jdbc, json, tracing, relay);
    }

    @Bean
    DeadLetterStore deadLetterStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Outbox outbox) {
        return new DeadLetterStore(jdbc, transactionManager, outbox);
    }

    @Bean
    ConsumerPause consumerPause(ObjectProvider<KafkaListenerEndpointRegistry> registry, JdbcTemplate jdbc,
                                ScheduledExecutorService messagingHousekeeping, MessagingProperties properties) {
        return new ConsumerPause(registry, jdbc, messagingHousekeeping,
                properties.getConsumer().getOutageProbeInterval());
    }

    @Bean
    IncomingMessages incomingMessages(@Value("${spring.kafka.consumer.group-id}") String consumer, JdbcTemplate jdbc,
                                      PlatformTransactionManager transactionManager, ObjectMapper json,
                                      Validator validator, KafkaTemplate<?, ?> kafka, MessageTracing tracing,
                                      MessagingProperties properties, MeterRegistry meters,
                                      DeadLetterStore deadLetters, ConsumerPause pause) {
        return new IncomingMessages(consumer, jdbc, transactionManager, json, validator, strings(kafka), tracing,
                properties, meters, deadLetters, pause);
    }

    @Bean
    DeadLetterHealth deadLettersHealthIndicator(DeadLetterStore store, ConsumerPause pause) {
        return new DeadLetterHealth(store, pause);
    }

    /** The dead letters' admin API, in services that serve HTTP and check roles (all of ours that consume). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.security.access.prepost.PreAuthorize")
    DeadLetterController deadLetterController(DeadLetterStore store,
                                              @Value("${spring.application.name}") String serviceId) {
        return new DeadLetterController(store, serviceId);
    }

    @Bean
    SeekToCurrentErrorHandler retryOutagesErrorHandler() {
        return new OutageRetryingErrorHandler(Duration.ofSeconds(1));
    }

    /** Reconciliation's view of this side's data sets, in services that declare some (the migration's two sides). */
    @Bean
    @ConditionalOnBean(ReconciliationDataset.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.security.access.prepost.PreAuthorize")
    ReconciliationController reconciliationController(JdbcTemplate jdbc, DeadLetterStore deadLetters,
                                                      List<ReconciliationDataset> datasets) {
        return new ReconciliationController(jdbc, deadLetters, datasets);
    }

    @Bean
    InitialCopy initialCopy(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new InitialCopy(jdbc, transactionManager);
    }

    @Bean
    MessagingMetrics messagingMetrics(JdbcTemplate jdbc, ConsumerPause pause) {
        return new MessagingMetrics(jdbc, pause);
    }

    @Bean
    MessageRetention messageRetention(JdbcTemplate jdbc, MessagingProperties properties) {
        return new MessageRetention(jdbc, properties);
    }

    @Bean
    TopicInitializer topicInitializer(KafkaAdmin admin, MessagingProperties properties) {
        return new TopicInitializer(admin, properties.getTopics());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService messagingHousekeeping() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "messaging-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** After start, off the start-up path: topics (which may wait for a broker), then the purge every 10 minutes. */
    @Bean
    HousekeepingStarter messagingHousekeepingStarter(ScheduledExecutorService messagingHousekeeping,
                                                     TopicInitializer topics, MessageRetention retention) {
        return new HousekeepingStarter(messagingHousekeeping, topics, retention);
    }

    static final class HousekeepingStarter {
        private final ScheduledExecutorService executor;
        private final TopicInitializer topics;
        private final MessageRetention retention;

        HousekeepingStarter(ScheduledExecutorService executor, TopicInitializer topics, MessageRetention retention) {
            this.executor = executor;
            this.topics = topics;
            this.retention = retention;
        }

        @EventListener(ApplicationReadyEvent.class)
        public void start() {
            executor.execute(topics::createTopics);
            executor.scheduleWithFixedDelay(() -> {
                try {
                    retention.purge();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(MessageRetention.class).warn("Purge failed: {}", e.toString());
                }
            }, 1, 10, TimeUnit.MINUTES);
        }
    }

    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, String> strings(KafkaTemplate<?, ?> template) {
        // Boot's template is typed <Object, Object>; the platform's serializers are String for key and value.
        return (KafkaTemplate<String, String>) template;
    }

    @SuppressWarnings("unchecked")
    private static ProducerFactory<String, String> stringProducers(ProducerFactory<?, ?> factory) {
        return (ProducerFactory<String, String>) factory;
    }
}

package dev.msakit.platform.messaging;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics a service declares (platform.messaging.topics.create) and their dead-letter topics with the
 * platform's partition count. Without a broker at start the service starts anyway: the broker creates a topic on
 * first use, with its own default partition count (the same in the suite).
 */
public class TopicInitializer {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);

    private final KafkaAdmin admin;
    private final MessagingProperties.Topics topics;

    public TopicInitializer(KafkaAdmin admin, MessagingProperties.Topics topics) {
        this.admin = admin;
        this.topics = topics;
    }

    public void createTopics() {
        if (topics.getCreate().isEmpty()) {
            return;
        }
        List<NewTopic> wanted = new ArrayList<>();
        for (String topic : topics.getCreate()) {
            wanted.add(new NewTopic(topic, topics.getPartitions(), (short) 1));
            wanted.add(new NewTopic(MessageHeaders.deadLetterTopic(topic), topics.getPartitions(), (short) 1));
        }
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            for (var result : client.createTopics(wanted).values().entrySet()) {
                try {
                    result.getValue().get(10, TimeUnit.SECONDS);
                    log.info("Created topic {}", result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not create topics {} now (the broker creates them on first use): {}", topics.getCreate(),
                    e.toString());
        }
    }
}

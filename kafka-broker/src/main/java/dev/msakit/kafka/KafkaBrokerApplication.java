package dev.msakit.kafka;

import kafka.Kafka;

import java.nio.file.Path;

/**
 * The suite's message broker process: prepares the data folder (see {@link BrokerStorage}), serves /health on PORT,
 * and runs Kafka's own server main in this JVM. SIGTERM shuts the broker down cleanly (Kafka's shutdown hook); a
 * broker that cannot start ends the process with a non-zero code.
 */
public final class KafkaBrokerApplication {

    private KafkaBrokerApplication() {
    }

    public static void main(String[] args) throws Exception {
        KafkaBrokerSettings settings = KafkaBrokerSettings.fromEnvironment(System.getenv());
        Path config = BrokerStorage.prepare(settings);
        HealthEndpoint health = HealthEndpoint.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(health::close, "kafka-broker-health-stop"));
        Log.info("starting Kafka on " + settings.bootstrapServers() + " (data in " + settings.dataDir()
                + "); health at http://" + settings.bindAddress() + ":" + settings.healthPort() + "/health");
        Kafka.main(new String[] {config.toString()});
    }
}

package dev.msakit.kafka;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaBrokerSettingsTest {

    @Test
    void byDefaultOneNodeOnLoopbackWithItsDataUnderDataDir() {
        KafkaBrokerSettings settings = KafkaBrokerSettings.fromEnvironment(Map.of("DATA_DIR", "/srv/suite"));
        Properties p = settings.serverProperties();
        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
        assertThat(p.getProperty("log.dirs")).isEqualTo(Paths.get("/srv/suite/kafka/logs").toString());
        // One node: nothing may wait for replicas that do not exist.
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("min.insync.replicas")).isEqualTo("1");
        assertThat(settings.healthPort()).isEqualTo(9094);
        // The cleaner's key map is 8 MB, not Kafka's 128 MB that it allocates on the heap at start.
        assertThat(p.getProperty("log.cleaner.dedupe.buffer.size")).isEqualTo(Integer.toString(8 * 1024 * 1024));
        // A restarted node registers again 3 s after a crash, not Kafka's 9 s.
        assertThat(p.getProperty("broker.session.timeout.ms")).isEqualTo("3000");
        assertThat(p.getProperty("broker.heartbeat.interval.ms")).isEqualTo("500");
    }

    @Test
    void everyPortAndPlaceComesFromTheEnvironment() {
        KafkaBrokerSettings settings = KafkaBrokerSettings.fromEnvironment(Map.of("KAFKA_PORT", "19092",
                "KAFKA_CONTROLLER_PORT", "19093", "PORT", "19094", "KAFKA_DATA_DIR", "/tmp/k",
                "KAFKA_BIND_ADDRESS", "0.0.0.0", "KAFKA_ADVERTISED_HOST", "broker.internal", "KAFKA_PARTITIONS", "8",
                "KAFKA_CLEANER_BUFFER_MB", "32", "KAFKA_BROKER_SESSION_TIMEOUT_MS", "9000"));
        Properties p = settings.serverProperties();
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://0.0.0.0:19092,CONTROLLER://0.0.0.0:19093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://broker.internal:19092");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@broker.internal:19093");
        assertThat(p.getProperty("num.partitions")).isEqualTo("8");
        assertThat(p.getProperty("log.cleaner.dedupe.buffer.size")).isEqualTo(Integer.toString(32 * 1024 * 1024));
        assertThat(p.getProperty("broker.session.timeout.ms")).isEqualTo("9000");
        assertThat(p.getProperty("broker.heartbeat.interval.ms")).isEqualTo("1500");
        assertThat(settings.bootstrapServers()).isEqualTo("broker.internal:19092");
        assertThat(settings.logDir()).isEqualTo(Paths.get("/tmp/k/logs"));
    }

    @Test
    void nonsenseIsRefusedWithTheVariablesName() {
        assertThatThrownBy(() -> KafkaBrokerSettings.fromEnvironment(Map.of("KAFKA_PORT", "ninety")))
                .hasMessageContaining("KAFKA_PORT");
        assertThatThrownBy(() -> KafkaBrokerSettings.fromEnvironment(Map.of("KAFKA_PORT", "70000")))
                .hasMessageContaining("port number");
        assertThatThrownBy(() -> KafkaBrokerSettings.fromEnvironment(Map.of("KAFKA_PORT", "9093")))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> KafkaBrokerSettings.fromEnvironment(Map.of("KAFKA_BROKER_SESSION_TIMEOUT_MS", "100")))
                .hasMessageContaining("KAFKA_BROKER_SESSION_TIMEOUT_MS must be at least 600");
    }
}

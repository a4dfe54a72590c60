package dev.msakit.kafka;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;

/**
 * The broker's settings, all from the environment (12-factor), and the Kafka configuration they make: one node that
 * is both broker and controller (KRaft, no ZooKeeper), replication factor 1, loopback only unless told otherwise.
 */
final class KafkaBrokerSettings {

    private static final int MIN_BROKER_SESSION_MILLIS = 600;

    private final String bindAddress;
    private final String advertisedHost;
    private final int brokerPort;
    private final int controllerPort;
    private final int healthPort;
    private final Path dataDir;
    private final int partitions;
    private final int retentionHours;
    private final int cleanerBufferMegabytes;
    private final int brokerSessionMillis;

    private KafkaBrokerSettings(String bindAddress, String advertisedHost, int brokerPort, int controllerPort,
                                int healthPort, Path dataDir, int partitions, int retentionHours,
                                int cleanerBufferMegabytes, int brokerSessionMillis) {
        this.bindAddress = bindAddress;
        this.advertisedHost = advertisedHost;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.healthPort = healthPort;
        this.dataDir = dataDir;
        this.partitions = partitions;
        this.retentionHours = retentionHours;
        this.cleanerBufferMegabytes = cleanerBufferMegabytes;
        this.brokerSessionMillis = brokerSessionMillis;
    }

    static KafkaBrokerSettings fromEnvironment(Map<String, String> env) {
        String bind = env.getOrDefault("KAFKA_BIND_ADDRESS", "127.0.0.1");
        Path data = env.containsKey("KAFKA_DATA_DIR") ? Paths.get(env.get("KAFKA_DATA_DIR"))
                : Paths.get(env.getOrDefault("DATA_DIR", "data"), "kafka");
        KafkaBrokerSettings settings = new KafkaBrokerSettings(bind,
                // Clients connect to the address the broker advertises, not the one they dialled first.
                env.getOrDefault("KAFKA_ADVERTISED_HOST", "0.0.0.0".equals(bind) ? "localhost" : bind),
                port(env, "KAFKA_PORT", 9092), port(env, "KAFKA_CONTROLLER_PORT", 9093), port(env, "PORT", 9094),
                data.toAbsolutePath().normalize(),
                positive(env, "KAFKA_PARTITIONS", 4), positive(env, "KAFKA_RETENTION_HOURS", 168),
                positive(env, "KAFKA_CLEANER_BUFFER_MB", 8), positive(env, "KAFKA_BROKER_SESSION_TIMEOUT_MS", 3000));
        if (settings.brokerPort == settings.controllerPort || settings.brokerPort == settings.healthPort
                || settings.controllerPort == settings.healthPort) {
            throw new IllegalArgumentException("KAFKA_PORT, KAFKA_CONTROLLER_PORT and PORT must differ");
        }
        if (settings.brokerSessionMillis < MIN_BROKER_SESSION_MILLIS) {
            throw new IllegalArgumentException("KAFKA_BROKER_SESSION_TIMEOUT_MS must be at least "
                    + MIN_BROKER_SESSION_MILLIS + " (the broker heartbeats every sixth of it)");
        }
        return settings;
    }

    /** server.properties for this node. */
    Properties serverProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + bindAddressForPeers() + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + bindAddress + ":" + brokerPort + ",CONTROLLER://" + bindAddress
                + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + advertisedHost + ":" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir().toString());
        p.setProperty("num.partitions", Integer.toString(partitions));
        // One node: every internal topic has one replica, and a write is acknowledged once it is in its log.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        // A consumer group that (re)joins starts at once instead of waiting three seconds for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a crash the node's controller still holds the dead incarnation's registration until its session
        // ends, and the new one opens its client port only once registered: with Kafka's 9 s session (and the
        // registration's doubling retries) clients waited about 12 s more after each restart. The heartbeat
        // travels over loopback inside one process, so a short session costs nothing.
        p.setProperty("broker.session.timeout.ms", Integer.toString(brokerSessionMillis));
        p.setProperty("broker.heartbeat.interval.ms", Integer.toString(brokerSessionMillis / 6));
        p.setProperty("log.retention.hours", Integer.toString(retentionHours));
        p.setProperty("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        // The log cleaner compacts only the consumer offsets here (a few keys per group and partition); Kafka's
        // 128 MB default key map is allocated on the heap at start and was a third of the broker's memory.
        p.setProperty("log.cleaner.dedupe.buffer.size", Long.toString(cleanerBufferMegabytes * 1024L * 1024L));
        return p;
    }

    private String bindAddressForPeers() {
        return "0.0.0.0".equals(bindAddress) ? advertisedHost : bindAddress;
    }

    Path dataDir() {
        return dataDir;
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    String bindAddress() {
        return bindAddress;
    }

    String bootstrapServers() {
        return advertisedHost + ":" + brokerPort;
    }

    int healthPort() {
        return healthPort;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        int value = positive(env, name, fallback);
        if (value > 65_535) {
            throw new IllegalArgumentException(name + " must be a port number, not " + value);
        }
        return value;
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, not " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + raw + "'", e);
        }
    }
}

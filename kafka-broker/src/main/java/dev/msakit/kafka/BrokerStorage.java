package dev.msakit.kafka;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The broker's data folder: server.properties written from the settings at every start (so a changed setting takes
 * effect), and the log directory formatted with a new cluster id once, on first start only.
 */
final class BrokerStorage {

    private BrokerStorage() {
    }

    /** Writes server.properties, formats the log directory when it is new; returns the properties file. */
    static Path prepare(KafkaBrokerSettings settings) throws IOException {
        Files.createDirectories(settings.logDir());
        Path config = settings.dataDir().resolve("server.properties");
        Properties properties = settings.serverProperties();
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "Written by kafka-broker at every start from its environment; edits are lost");
        }
        if (!Files.exists(settings.logDir().resolve("meta.properties"))) {
            String clusterId = Uuid.randomUuid().toString();
            Log.info("formatting " + settings.logDir() + " for new cluster " + clusterId);
            int exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString(),
                    "--ignore-formatted"}, System.out);
            if (exit != 0) {
                throw new IllegalStateException("formatting the log directory failed with code " + exit);
            }
        }
        return config;
    }
}

package dev.msakit.kafka;

import java.time.Instant;

/** The launcher's own lines, in the same stream as the broker's. */
final class Log {

    private Log() {
    }

    static void info(String message) {
        System.out.println(Instant.now() + " kafka-broker: " + message);
    }

    static void error(String message) {
        System.err.println(Instant.now() + " kafka-broker: ERROR " + message);
    }
}

package dev.msakit.postgres;

import java.time.Instant;

/** One line per event on standard output, in the same stream as the server's own log lines. */
final class Log {

    private Log() {
    }

    static void info(String message) {
        System.out.println(Instant.now() + " postgres-server: " + message);
    }

    static void error(String message) {
        System.err.println(Instant.now() + " postgres-server: ERROR " + message);
    }
}

package dev.msakit.postgres;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The suite's database process: starts PostgreSQL (see {@link PostgresServer}), serves /health on PORT, and lives
 * exactly as long as the server. SIGTERM stops the server cleanly; if the server dies, so does this process, with a
 * non-zero code, so that a launcher or an orchestrator sees the crash and can start it again.
 */
public final class PostgresServerApplication {

    private PostgresServerApplication() {
    }

    public static void main(String[] args) throws Exception {
        PostgresSettings settings = PostgresSettings.fromEnvironment(System.getenv());
        int healthPort = Integer.parseInt(System.getenv().getOrDefault("PORT", "5480"));
        PostgresServer server = PostgresServer.start(settings);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            Log.info("stopping PostgreSQL (fast shutdown)");
            server.close();
        }, "postgres-stop"));
        try (HealthEndpoint ignored = HealthEndpoint.start(settings.bindAddress(), healthPort, server)) {
            Log.info("ready; health at http://" + settings.bindAddress() + ":" + healthPort + "/health");
            int exit = server.awaitExit();
            if (!stopping.get()) {
                Log.error("PostgreSQL exited by itself with code " + exit);
                System.exit(exit == 0 ? 1 : exit);
            }
        }
    }
}

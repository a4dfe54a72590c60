package dev.msakit.platform.testing;

import dev.msakit.postgres.PostgresServer;
import dev.msakit.postgres.PostgresSettings;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The services' tests run on the same engine as production: one throwaway PostgreSQL server per test JVM (the
 * suite's own postgres-server, on a free port, fsync off), and a fresh database for every Spring context that
 * asks for one. A test profile opts in with {@code context.initializer.classes: dev.msakit.platform.testing.TestDatabase}.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(datasourceArguments()).applyTo(context);
    }

    /** A new, empty database as spring.datasource.* settings ("name=value", also usable as --arguments). */
    public static String[] datasourceArguments() {
        return datasourceArguments(create());
    }

    public static String[] datasourceArguments(String database) {
        return new String[] {"spring.datasource.url=" + server().jdbcUrl(database),
                "spring.datasource.username=postgres", "spring.datasource.password=" + PASSWORD};
    }

    /** A new, empty database as a plain DataSource, for tests without a Spring context. */
    public static DataSource freshDataSource() {
        return new DriverManagerDataSource(server().jdbcUrl(create()), "postgres", PASSWORD);
    }

    /** Creates an empty database and returns its name. */
    public static String create() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().superuserConnection("postgres");
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
            return name;
        } catch (Exception e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
    }

    private static synchronized PostgresServer server() {
        if (server == null) {
            try {
                Path data = Files.createTempDirectory("msa-test-postgres-");
                server = PostgresServer.start(PostgresSettings.builder()
                        .dataDirectory(data.resolve("data"))
                        .port(TestPorts.next())
                        .superuserPassword(PASSWORD)
                        .durable(false)
                        .build());
                PostgresServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteRecursively(data);
                }, "test-postgres-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test PostgreSQL server", e);
            }
        }
        return server;
    }

    private static void deleteRecursively(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.msakit.systemtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The suite's one PostgreSQL server: each service's account reaches its own database only, and a crash of the
 * server under load costs clients quick 503s, never a hang, a 500 or an acknowledged write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SuiteExtension.class)
class DatabaseIT {

    /** Hikari's wait for a connection (2 s) plus the way back through the gateway, with room for a slow box. */
    private static final long READ_BOUND_MS = 6_000;
    /** An order waits for two databases in turn: product-service's behind a Feign call (2 s), then its own (4 s). */
    private static final long ANY_BOUND_MS = 12_000;

    private Suite suite;
    private Scenario scenario;
    private String api;

    @BeforeAll
    void useSuite(Suite suite) {
        this.suite = suite;
        scenario = new Scenario(suite);
        api = suite.gatewayUrl() + "/api";
    }

    @Test
    @Order(1)
    void eachServiceAccountReachesItsOwnDatabaseAndNoOther() throws SQLException {
        for (String account : suite.database.owners()) {
            for (String database : suite.database.owners()) {
                if (account.equals(database)) {
                    try (Connection connection = suite.database.connect(account, database);
                         Statement sql = connection.createStatement();
                         ResultSet tables = sql.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                        assertThat(tables.next()).isTrue();
                        assertThat(tables.getInt(1)).as(account + "'s migrations").isPositive();
                    }
                } else {
                    // 28000: the server has no rule that lets this account into that database.
                    assertThatThrownBy(() -> suite.database.connect(account, database).close())
                            .as(account + " into the database of " + database)
                            .isInstanceOfSatisfying(SQLException.class,
                                    e -> assertThat(e.getSQLState()).isEqualTo("28000"));
                }
            }
        }
    }

    @Test
    @Order(2)
    void aServiceGivenAnotherServicesCredentialsIsRefusedByTheServerAndDoesNotStart() throws Exception {
        SuiteProcess impostor = suite.startWithAccountOf("product-service-with-member-account", "product-service",
                "member-service");
        OptionalInt exit = impostor.awaitExit(Duration.ofMinutes(3));
        String log = impostor.logTail(400);
        assertThat(exit).as("product-service with member-service's account must not start:\n" + log).isPresent();
        assertThat(exit.getAsInt()).isNotZero();
        assertThat(log).contains("no pg_hba.conf entry").contains(suite.database.user("member-service"))
                .contains(suite.database.databaseName("product-service"));
    }

    @Test
    @Order(3)
    void killingPostgresUnderLoadGivesQuick503sThenServicesRecoverAndNoAcknowledgedWriteIsLost() throws Exception {
        String admin = scenario.adminToken();
        String member = scenario.newMemberToken();
        long product = scenario.newProduct(admin, 1_000_000);
        int stockBefore = scenario.stock(product);
        List<SuiteProcess> services = List.of(suite.member, suite.product1, suite.product2, suite.order);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicLong slowestReadMs = new AtomicLong();
        AtomicLong slowestMs = new AtomicLong();
        List<String> unclean = Collections.synchronizedList(new ArrayList<>());
        List<Long> createdProducts = Collections.synchronizedList(new ArrayList<>());
        List<String> acceptedOrders = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            loops.add(clients.submit(() -> load(running, () -> Http.get(api + "/products/" + product, null), 200,
                    r -> reads.incrementAndGet(), unavailable, unclean, slowestReadMs, slowestMs)));
        }
        loops.add(clients.submit(() -> load(running, () -> Http.post(api + "/orders", member,
                Scenario.orderOf(product, 1)), 202,
                r -> acceptedOrders.add(r.json().path("id").asText()), unavailable, unclean, null, slowestMs)));
        loops.add(clients.submit(() -> load(running, () -> Http.post(api + "/products", admin,
                "{\"name\":\"Written before the crash\",\"price\":2.00,\"stock\":3}"), 201,
                r -> createdProducts.add(r.json().path("id").asLong()), unavailable, unclean, null, slowestMs)));

        Thread.sleep(3_000);
        long serverPid = suite.database.serverPid();
        ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();
        server.destroyForcibly();
        server.onExit().get();
        // postgres-server ends with its server, so a launcher sees the crash.
        assertThat(suite.postgres.awaitExit(Duration.ofSeconds(20))).as("postgres-server after its server died")
                .isPresent();
        Thread.sleep(6_000);
        int unavailableDuringOutage = unavailable.get();

        suite.postgres = suite.restart(suite.postgres, "postgres-server");
        // The services were not restarted: their pools reconnect by themselves.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                Http.get(suite.product1.url() + "/products/" + product, null).status == 200
                        && Http.get(suite.product2.url() + "/products/" + product, null).status == 200
                        && Http.get(api + "/orders?size=1", member).status == 200
                        && Http.get(api + "/members/me", member).status == 200);
        Thread.sleep(3_000);
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get();
        }
        clients.shutdown();

        System.out.printf("DatabaseIT: %d reads ok, %d answers 503 while PostgreSQL was down, slowest read %d ms, "
                        + "slowest answer %d ms, %d products and %d orders acknowledged in all%n", reads.get(),
                unavailable.get(), slowestReadMs.get(), slowestMs.get(), createdProducts.size(), acceptedOrders.size());
        assertThat(services).allMatch(SuiteProcess::isAlive);
        assertThat(unclean).as("answers other than success or a 503 problem").isEmpty();
        assertThat(unavailableDuringOutage).as("503 problems while the database was down").isPositive();
        assertThat(slowestReadMs.get()).as("slowest read (ms)").isLessThan(READ_BOUND_MS);
        assertThat(slowestMs.get()).as("slowest answer of any kind (ms)").isLessThan(ANY_BOUND_MS);
        assertThat(reads.get()).isGreaterThan(20);
        assertThat(createdProducts).as("products created before the crash").isNotEmpty();
        assertThat(acceptedOrders).as("orders accepted before the crash").isNotEmpty();

        // Every write the suite acknowledged is still there.
        for (long created : createdProducts) {
            Http.Response read = Http.get(api + "/products/" + created, null);
            assertThat(read.status).as("product " + created + " acknowledged with 201").isEqualTo(200);
        }
        // Every accepted order's saga completes once both databases are back (the outbox and the consumers wait
        // out the outage), and takes exactly one unit.
        assertThat(scenario.finalStatuses(member, acceptedOrders, Duration.ofSeconds(60)).keySet())
                .as("final statuses of the orders acknowledged with 202").containsOnly("CONFIRMED");
        assertThat(scenario.stock(product)).isEqualTo(stockBefore - acceptedOrders.size());
    }

    /**
     * Repeats a request until told to stop, sorting each answer: success, a clean 503 problem (with Retry-After in
     * seconds, as promised), or anything else.
     */
    private static void load(AtomicBoolean running, Supplier<Http.Response> request, int success,
                             java.util.function.Consumer<Http.Response> onSuccess, AtomicInteger unavailable,
                             List<String> unclean, AtomicLong slowestOfKind, AtomicLong slowest) {
        while (running.get()) {
            long started = System.nanoTime();
            try {
                Http.Response r = request.get();
                long tookMs = (System.nanoTime() - started) / 1_000_000;
                slowest.accumulateAndGet(tookMs, Math::max);
                if (slowestOfKind != null) {
                    slowestOfKind.accumulateAndGet(tookMs, Math::max);
                }
                if (r.status == success) {
                    onSuccess.accept(r);
                } else if (r.status == 503 && r.contentType.startsWith("application/problem+json")
                        && r.header("Retry-After") != null && r.header("Retry-After").matches("[1-9][0-9]*")) {
                    unavailable.incrementAndGet();
                    sleepQuietly(100);
                } else {
                    unclean.add(r.status + " " + r.body);
                }
            } catch (RuntimeException e) {
                unclean.add(e.toString());
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

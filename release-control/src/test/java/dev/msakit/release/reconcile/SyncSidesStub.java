package dev.msakit.release.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.msakit.contracts.migration.SyncChecksums;
import dev.msakit.contracts.migration.SyncLag;
import dev.msakit.contracts.migration.SyncRepair;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Both sides of the migration as release-control reads them, on two small HTTP servers (the legacy shop, and the
 * new services): each side's rows per data set (bucket = first character of the id), served as the services'
 * /internal/reconciliation answers, plus member-service's logins (service accounts, and the console's members).
 * Rows can be changed between the two reads of a reconciliation ({@link #onRowsRead}). One per test JVM
 * ({@link #SHARED}): Ribbon keeps the first context's server lists (Archaius is static), so every context of the JVM
 * must name the same servers.
 */
public final class SyncSidesStub {

    public static final SyncSidesStub SHARED = new SyncSidesStub();
    /** The accounts member-service's login knows here, as e-mail/password. */
    public static final String ADMIN_LOGIN = "admin@example.com/admin-password";
    public static final String MEMBER_LOGIN = "member@example.com/member-password";

    private final ObjectMapper json = new ObjectMapper();
    private final Side legacy = new Side();
    private final Side fresh = new Side();
    private final AtomicInteger rowReads = new AtomicInteger();
    private volatile Runnable onRowsRead = () -> { };
    private volatile boolean lagEndpoint = true;

    private SyncSidesStub() {
        legacy.start();
        fresh.start();
    }

    /** Routes the sides' service ids (and member-service) to these servers through Ribbon, without Eureka. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("ribbon.eureka.enabled", () -> "false");
        registry.add("legacy-shop.ribbon.listOfServers", () -> "localhost:" + legacy.port());
        for (String service : List.of("product-service", "order-service", "member-service")) {
            registry.add(service + ".ribbon.listOfServers", () -> "localhost:" + fresh.port());
        }
    }

    public void set(String dataset, Map<String, String> legacyRows, Map<String, String> newRows) {
        legacy.rows.put(dataset, new TreeMap<>(legacyRows));
        fresh.rows.put(dataset, new TreeMap<>(newRows));
    }

    /** The dead letters each side says it has parked (in its /lag answer). */
    public void parkedDeadLetters(long legacyParked, long newParked) {
        legacy.parked = legacyParked;
        fresh.parked = newParked;
    }

        /** Off: the sides answer /lag with 404, as versions before it did. */
    public void lagEndpoint(boolean served) {
        this.lagEndpoint = served;
    }

        public void lag(double legacySeconds, double newSeconds) {
        legacy.lag = legacySeconds;
        fresh.lag = newSeconds;
    }

    /** Runs after each read of a bucket's rows (to let a change "arrive" between a reconciliation's two reads). */
    public void onRowsRead(Runnable action) {
        this.onRowsRead = action;
    }

    public int rowReads() {
        return rowReads.get();
    }

    public void changeLegacy(String dataset, String id, String row) {
        legacy.rows.get(dataset).put(id, row);
    }

    /** Both sides alike and current, nothing hooked: what a test that does not reconcile needs of them. */
    public void reset() {
        legacy.rows.clear();
        fresh.rows.clear();
        legacy.repairs.clear();
        fresh.repairs.clear();
        lag(0, 0);
        onRowsRead = () -> { };
        lagEndpoint = true;
        parkedDeadLetters(0, 0);
    }

    /** The repairs the side that holds the feature was asked for, oldest first. */
    public List<SyncRepair> repairsAskedOf(boolean legacySide) {
        return (legacySide ? legacy : fresh).repairs;
    }

    private final class Side {
        final Map<String, Map<String, String>> rows = new ConcurrentHashMap<>();
        final List<SyncRepair> repairs = new CopyOnWriteArrayList<>();
        volatile double lag;
        volatile long parked;
        HttpServer server;

        void start() {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/auth/service-token", exchange -> answer(exchange,
                    Map.of("access_token", "stub-service-token", "expires_in", 600)));
            server.createContext("/internal/reconciliation/", this::reconciliation);
            server.createContext("/auth/token", this::login);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void reconciliation(HttpExchange exchange) throws IOException {
            String[] path = exchange.getRequestURI().getPath().split("/");
            Map<String, String> set = rows.getOrDefault(path[3], Map.of());
            Map<String, List<Map.Entry<String, String>>> buckets = set.entrySet().stream()
                    .collect(Collectors.groupingBy(e -> e.getKey().substring(0, 1), TreeMap::new,
                            Collectors.toList()));
            if (path.length == 5 && "repairs".equals(path[4]) && "POST".equals(exchange.getRequestMethod())) {
                SyncRepair asked = json.readValue(exchange.getRequestBody(), SyncRepair.class);
                repairs.add(asked);
                // Orders belong to a side: here the legacy shop holds the ids that start with "a".
                answer(exchange, asked.each(row -> !"ordering".equals(path[3])
                        || row.getId().startsWith("a") == (this == legacy) ? null : "a copy here"));
                return;
            }
            if (path.length == 5 && "lag".equals(path[4]) && lagEndpoint) {
                answer(exchange, new SyncLag(path[3], lag, parked));
                return;
            }
            if (path.length == 4) {
                List<SyncChecksums.Bucket> sums = new ArrayList<>();
                buckets.forEach((bucket, entries) -> sums.add(new SyncChecksums.Bucket(bucket, entries.size(),
                        entries.stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")))));
                answer(exchange, new SyncChecksums(path[3], set.size(), lag, sums));
                return;
            }
            String query = exchange.getRequestURI().getQuery();
            if (query == null) {
                answer(exchange, 404, Map.of("status", 404, "detail", "No resource at this path"));
                return;
            }
            String bucket = query.replace("bucket=", "");
            answer(exchange, buckets.getOrDefault(bucket, List.of()).stream()
                    .map(e -> new SyncChecksums.Row(e.getKey(), e.getValue())).collect(Collectors.toList()));
            rowReads.incrementAndGet();
            onRowsRead.run();
        }

        /** member-service's login for the console's tests: one ADMIN account and one MEMBER account. */
        private void login(HttpExchange exchange) throws IOException {
            Map<?, ?> login = json.readValue(exchange.getRequestBody(), Map.class);
            String account = login.get("email") + "/" + login.get("password");
            String token = ADMIN_LOGIN.equals(account) ? TestJwtConfiguration.TOKENS.admin(1)
                    : MEMBER_LOGIN.equals(account) ? TestJwtConfiguration.TOKENS.member(7) : null;
            if (token == null) {
                answer(exchange, 401, Map.of("status", 401, "detail", "Wrong e-mail or password"));
            } else {
                answer(exchange, Map.of("access_token", token, "expires_in", 900));
            }
        }

        private void answer(HttpExchange exchange, Object body) throws IOException {
            answer(exchange, 200, body);
        }

        private void answer(HttpExchange exchange, int status, Object body) throws IOException {
            byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    public static Map<String, String> rows(String... idAndRow) {
        Map<String, String> rows = new TreeMap<>();
        for (int i = 0; i < idAndRow.length; i += 2) {
            rows.put(idAndRow[i], idAndRow[i + 1]);
        }
        return rows;
    }
}

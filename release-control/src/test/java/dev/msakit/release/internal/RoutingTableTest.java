package dev.msakit.release.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import dev.msakit.release.reconcile.SyncSidesStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

/** The routing table the gateways long-poll: one revision in commit order, answered as soon as it changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class RoutingTableTest {

    /** Both sides of the migration, for the flip gate (one per test JVM: see SyncSidesStub). */
    @DynamicPropertySource
    static void sides(DynamicPropertyRegistry registry) {
        SyncSidesStub.SHARED.reset();
        SyncSidesStub.SHARED.register(registry);
    }


    private static final List<String> MODES = List.of("LEGACY", "NEW", "SHADOW", "PERCENT");

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;

    @Test
    void aWaitingGatewayGetsTheNextRevisionAsSoonAsItIsCommitted() throws Exception {
        ResponseEntity<String> first = table(null, 0);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        long revision = json.readTree(first.getBody()).path("revision").asLong();
        assertThat(first.getHeaders().getETag()).isEqualTo("\"" + revision + "\"");

        long asked = System.nanoTime();
        CompletableFuture<ResponseEntity<String>> waiting = CompletableFuture.supplyAsync(
                () -> table(first.getHeaders().getETag(), 20_000));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        change("catalog", "{\"mode\":\"LEGACY\"}", null);

        ResponseEntity<String> next = waiting.get(10, TimeUnit.SECONDS);
        long tookMs = (System.nanoTime() - asked) / 1_000_000;
        assertThat(next.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode table = json.readTree(next.getBody());
        assertThat(table.path("revision").asLong()).isEqualTo(revision + 1);
        assertThat(modeIn(table, "catalog")).isEqualTo("LEGACY");
        assertThat(tookMs).as("answered at the change, not at the end of the wait").isLessThan(5_000);
        change("catalog", "{\"mode\":\"NEW\"}", null);
    }

    @Test
    void aGatewayThatHasTheRevisionGetsNotModifiedAfterItsWaitAndOneThatLagsGetsTheTableAtOnce() throws Exception {
        String etag = table(null, 0).getHeaders().getETag();

        ResponseEntity<String> unchanged = table(etag, 300);
        assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(unchanged.getHeaders().getETag()).isEqualTo(etag);

        ResponseEntity<String> lagging = table("\"0\"", 30_000);
        assertThat(lagging.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lagging.getHeaders().getETag()).isEqualTo(etag);
    }

    /**
     * Eight admins change both switches at random, with and without If-Match, while three gateways long-poll the
     * table: every table read must be exactly the history up to its revision (no revision seen before an earlier
     * one commits), revisions never go back, and every applied change is in the history.
     */
    @Test
    void concurrentChangesGetRevisionsInCommitOrderAndNoReaderSeesARevisionWithoutAllChangesUpToIt()
            throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        List<List<JsonNode>> seenByGateway = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(11);
        List<Future<?>> readers = new ArrayList<>();
        for (int gateway = 0; gateway < 3; gateway++) {
            List<JsonNode> seen = Collections.synchronizedList(new ArrayList<>());
            seenByGateway.add(seen);
            // As gateways do: each waits for the next revision, and reads right after a commit, while others
            // are still committing.
            readers.add(pool.submit(() -> {
                String etag = null;
                while (writing.get()) {
                    ResponseEntity<String> answer = table(etag, 500);
                    if (answer.getStatusCode() == HttpStatus.OK) {
                        seen.add(read(answer));
                        etag = answer.getHeaders().getETag();
                    }
                }
            }));
        }
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> admins = new ArrayList<>();
        for (int admin = 0; admin < 8; admin++) {
            Random random = new Random(admin);
            admins.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    String feature = random.nextBoolean() ? "catalog" : "ordering";
                    String mode = MODES.get(random.nextInt(MODES.size()));
                    String body = "{\"mode\":\"" + mode + "\",\"percent\":" + random.nextInt(101) + "}";
                    String ifMatch = random.nextBoolean() ? version(feature) : null;
                    HttpStatus status = change(feature, body, ifMatch).getStatusCode();
                    if (status == HttpStatus.OK) {
                        applied.incrementAndGet();
                    } else {
                        assertThat(status).isEqualTo(HttpStatus.PRECONDITION_FAILED);
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> admin : admins) {
            admin.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        for (Future<?> reader : readers) {
            reader.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        JsonNode catalogHistory = read(admin(HttpMethod.GET, "/admin/features/catalog/history?limit=1000"));
        JsonNode orderingHistory = read(admin(HttpMethod.GET, "/admin/features/ordering/history?limit=1000"));
        System.out.println("Changes applied: " + applied + ", refused (stale If-Match): " + refused
                + ", tables read meanwhile: " + seenByGateway.stream().mapToInt(List::size).sum());
        assertThat(applied.get() + refused.get()).isEqualTo(200);
        for (List<JsonNode> seen : seenByGateway) {
            assertThat(seen).hasSizeGreaterThan(10);
            long previous = 0;
            for (JsonNode table : seen) {
                long revision = table.path("revision").asLong();
                assertThat(revision).as("a gateway's next table").isGreaterThan(previous);
                previous = revision;
                assertThat(stateAt(catalogHistory, revision)).as("catalog at revision %d", revision)
                        .isEqualTo(row(table, "catalog"));
                assertThat(stateAt(orderingHistory, revision)).as("ordering at revision %d", revision)
                        .isEqualTo(row(table, "ordering"));
            }
        }
        JsonNode last = read(table(null, 0));
        assertThat(stateAt(catalogHistory, Long.MAX_VALUE)).isEqualTo(row(last, "catalog"));
    }

    /** What the history says a switch was at this revision: its last change at or before it. */
    private static String stateAt(JsonNode history, long revision) {
        for (JsonNode change : history) {
            if (change.path("version").asLong() <= revision) {
                return change.path("mode").asText() + "/" + change.path("percent").asInt() + "@"
                        + change.path("version").asLong();
            }
        }
        throw new AssertionError("no change at or before revision " + revision);
    }

    private static String row(JsonNode table, String feature) {
        for (JsonNode route : table.path("features")) {
            if (route.path("name").asText().equals(feature)) {
                return route.path("mode").asText() + "/" + route.path("percent").asInt() + "@"
                        + route.path("version").asLong();
            }
        }
        throw new AssertionError(feature + " not in " + table);
    }

    private static String modeIn(JsonNode table, String feature) {
        return row(table, feature).substring(0, row(table, feature).indexOf('/'));
    }

    private String version(String feature) {
        return admin(HttpMethod.GET, "/admin/features/" + feature).getHeaders().getETag();
    }

    private ResponseEntity<String> table(String ifNoneMatch, long waitMs) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.service("zuul-gateway"));
        if (ifNoneMatch != null) {
            headers.setIfNoneMatch(ifNoneMatch);
        }
        return rest.exchange("/internal/routing-table?waitMs=" + waitMs, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
    }

    private ResponseEntity<String> change(String feature, String body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.admin(1));
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return rest.exchange("/admin/features/" + feature, HttpMethod.PUT, new HttpEntity<>(body, headers),
                String.class);
    }

    private ResponseEntity<String> admin(HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.admin(1));
        return rest.exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

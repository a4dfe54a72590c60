package dev.msakit.systemtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A busy spell, every request traced: catalog reads, member reads and orders through the gateway from several
 * clients for {@code soak.seconds} (default 75; more spans than Zipkin keeps, so its bound is exercised). At the end
 * every process that was alive before still is, and healthy, Zipkin included; traces still land, and no request
 * failed with a 5xx. What was seen before the bound on Zipkin's memory: an OutOfMemoryError after a few tens of
 * thousands of traced requests, every later trace lost, and Admin still saying all was well.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class SoakIT {

    private static final Duration LENGTH = Duration.ofSeconds(Long.getLong("soak.seconds", 75));
    private static final int CLIENTS = 6;

    @Test
    void theSuiteStaysAliveAndHealthyThroughASustainedTracedLoad(Suite suite) throws Exception {
        // From a whole suite: a test before may have restarted a service the gateway has not routed to yet.
        suite.awaitEveryServiceRouted();
        Scenario scenario = new Scenario(suite);
        String api = suite.gatewayUrl() + "/api";
        List<SuiteProcess> alive = suite.processes().stream().filter(SuiteProcess::isAlive)
                .collect(Collectors.toList());
        String member = scenario.newMemberToken();
        long product = scenario.newProduct(scenario.adminToken(), 1_000_000);

        AtomicLong requests = new AtomicLong();
        Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        AtomicReference<String> lastTraceId = new AtomicReference<>();
        long deadline = System.nanoTime() + LENGTH.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                for (long i = 0; System.nanoTime() < deadline; i++) {
                    Http.Response response;
                    // Each request asks for its trace (the suite samples one in ten, as production does).
                    if (i % 50 == 49) {
                        response = Http.post(api + "/orders", member,
                                Scenario.orderOf(product, 1), Http.TRACED);
                    } else if (client % 2 == 0) {
                        response = Http.get(api + "/products/" + product, null, Http.TRACED);
                    } else {
                        response = Http.get(api + "/members/me", member, Http.TRACED);
                    }
                    requests.incrementAndGet();
                    byStatus.computeIfAbsent(response.status, s -> new AtomicLong()).incrementAndGet();
                    String traceId = response.header("X-Trace-Id");
                    if (traceId != null) {
                        lastTraceId.set(traceId);
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get(LENGTH.toSeconds() + 60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        System.out.printf("Soak: %d requests in %d s through the gateway, by status %s%n", requests.get(),
                LENGTH.toSeconds(), byStatus);

        // Reads answer 200 and orders 201 (or 202 while their saga runs): a soak answering 401s or 429s is no soak.
        assertThat(byStatus.keySet()).as("answers by status: " + byStatus).isSubsetOf(200, 201, 202);
        assertThat(requests.get()).isGreaterThan(1_000);
        for (SuiteProcess process : alive) {
            assertThat(process.isAlive()).as(process.name() + " still running").isTrue();
            Http.Response health = Http.get(suite.healthUrl(process), null);
            assertThat(health.status).as(process.name() + " healthy: " + health.body).isEqualTo(200);
        }
        // Zipkin still takes spans: the last request's trace arrives.
        String traceId = lastTraceId.get();
        assertThat(traceId).isNotNull();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(Http.get(suite.zipkin.url() + "/api/v2/trace/" + traceId, null).status).isEqualTo(200));
        // And Admin agrees that everything, Zipkin included, is up.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(suite.adminStatuses().get("ZIPKIN-SERVER")).containsOnly("UP"));
    }
}

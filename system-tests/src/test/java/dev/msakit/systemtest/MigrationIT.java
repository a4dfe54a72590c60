package dev.msakit.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Moving features out of the legacy shop, on the real processes: per-feature switches kept by release-control and
 * followed by every gateway, the two sides kept current over the broker, shadow comparison, and flips and
 * concurrent changes seen by a second gateway. Every test leaves both features NEW, as the suite starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SuiteExtension.class)
class MigrationIT {

    private Suite suite;
    private Scenario scenario;
    private String api;
    private String admin;

    @BeforeAll
    void prepare(Suite suite) {
        this.suite = suite;
        scenario = new Scenario(suite);
        api = suite.gatewayUrl() + "/api";
        admin = scenario.adminToken();
        // The suite waits until the gateway routes every service; release-control, which the flips ask to measure
        // both sides, may not list them yet when this class runs first (its flip would be refused: "cannot be
        // measured (No instances available...)"). A reconciliation reaches both sides the same way.
        for (String feature : List.of("catalog", "ordering")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Http.Response done = Http.post(api + "/admin/reconciliations/" + feature, admin, null);
                return done.status == 200 && done.json().path("error").isNull();
            });
        }
    }

    @AfterAll
    void bothFeaturesBackToNew() {
        flip("catalog", "{\"mode\":\"NEW\"}");
        flip("ordering", "{\"mode\":\"NEW\"}");
    }

    @Test
    @Order(1)
    void catalogFlipsLegacyNewLegacyWithWritesOnEachSideAndBothSidesEndTheSame() {
        // Reads may be on legacy for a few seconds after a test that opened product-service's circuit (the read
        // fallback), until a trial read closes it again.
        awaitServedBy("new");
        long onNew = scenario.newProduct(admin, 10);

        flip("catalog", "{\"mode\":\"LEGACY\"}");
        awaitServedBy("legacy");
        // The product written on the new side before the flip is there, with its id; then edited on legacy.
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(api + "/products/" + onNew, null).status == 200);
        Http.Response edited = Http.put(api + "/products/" + onNew, admin,
                "{\"name\":\"Edited on legacy\",\"price\":7.25,\"stock\":15}");
        assertThat(edited.status).as(edited.body).isEqualTo(200);
        assertThat(edited.header("X-Migration-Target")).isEqualTo("legacy");
        long onLegacy = scenario.newProduct(admin, 5);
        assertThat(onLegacy).as("legacy's own id block").isGreaterThan(1_000_000_000L);

        flip("catalog", "{\"mode\":\"NEW\"}");
        awaitServedBy("new");
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(api + "/products/" + onLegacy, null).status == 200);
        assertThat(Http.get(api + "/products/" + onNew, null).json().path("name").asText())
                .isEqualTo("Edited on legacy");
        assertThat(Http.delete(api + "/products/" + onLegacy, admin).status).isEqualTo(204);

        flip("catalog", "{\"mode\":\"LEGACY\"}");
        awaitServedBy("legacy");
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(api + "/products/" + onLegacy, null).status == 404);

        // Nothing lost in either direction: both sides list the same catalog, field for field.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(catalogAt(suite.legacy.url())).isEqualTo(catalogAt(suite.product1.url())));
        flip("catalog", "{\"mode\":\"NEW\"}");
        // The same, as reconciliation sees it: every product's name, price, stock and state on both sides.
        JsonNode reconciled = reconcile("catalog");
        assertThat(reconciled.path("drift").asInt()).as(reconciled.toString()).isZero();
        assertThat(reconciled.path("legacyRows").asLong()).isEqualTo(reconciled.path("newRows").asLong())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void ordersStayVisibleToTheirMemberWhicheverSideServesAndStockFollowsOnBothSides() throws Exception {
        String member = scenario.newMemberToken();
        long product = scenario.newProduct(admin, 10);

        flip("ordering", "{\"mode\":\"LEGACY\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> stockAt(suite.legacy.url(), product) == 10);
        Http.Response atLegacy = scenario.order(member, product, 2);
        assertThat(atLegacy.header("X-Migration-Target")).isEqualTo("legacy");
        assertThat(atLegacy.json().path("status").asText()).isEqualTo("CONFIRMED");

        flip("ordering", "{\"mode\":\"NEW\"}");
        Http.Response atNew = scenario.order(member, product, 3);
        assertThat(atNew.header("X-Migration-Target")).isEqualTo("new");
        // The legacy order is the member's here too, and cancelling it goes to the shop that holds it.
        String legacyOrder = atLegacy.json().path("id").asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Http.get(api + "/orders/" + legacyOrder, member).status == 200);
        Http.Response cancel = Http.post(api + "/orders/" + legacyOrder + "/cancel", member, null);
        assertThat(cancel.status).as(cancel.body).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(
                Http.get(api + "/orders/" + legacyOrder, member).json().path("status").asText()));

        flip("ordering", "{\"mode\":\"LEGACY\"}");
        String newOrder = atNew.json().path("id").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ordersOf(member)).containsEntry(newOrder, "CONFIRMED").containsEntry(legacyOrder, "CANCELLED");
        });
        flip("ordering", "{\"mode\":\"NEW\"}");
        assertThat(ordersOf(member)).containsEntry(newOrder, "CONFIRMED").containsEntry(legacyOrder, "CANCELLED");
        // 10 - 2 (legacy) + 2 (cancelled) - 3 (new): the same on both sides.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(stockAt(suite.product1.url(), product)).isEqualTo(7);
            assertThat(stockAt(suite.legacy.url(), product)).isEqualTo(7);
        });
        // Every order, on both sides, with the same status and lines.
        JsonNode reconciled = reconcile("ordering");
        assertThat(reconciled.path("drift").asInt()).as(reconciled.toString()).isZero();
        assertThat(reconciled.path("newRows").asLong()).isGreaterThanOrEqualTo(2);

        // The shop's copy of order-service's order changed behind its back: drift, repaired by the holder.
        try (Connection legacyDb = suite.database.connect("legacy-shop", "legacy-shop");
             PreparedStatement update = legacyDb.prepareStatement(
                     "UPDATE orders SET status = 'CANCELLED' WHERE id = ?")) {
            update.setString(1, newOrder);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        Http.Response repaired = Http.post(api + "/admin/reconciliations/ordering/repair", admin, "");
        assertThat(repaired.status).as(repaired.body).isEqualTo(200);
        assertThat(repaired.json().path("drifted").findValuesAsText("id")).contains(newOrder);
        assertThat(repaired.json().path("repair").path("published").asInt()).isEqualTo(repaired.json()
                .path("drift").asInt());
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(
                Http.get(suite.legacy.url() + "/orders/" + newOrder, member).json().path("status").asText()));
        assertThat(reconcile("ordering").path("drift").asInt()).isZero();
    }

    @Test
    @Order(3)
    void shadowAnswersFromLegacyFindsNoDifferenceInEqualDataAndNamesASeededOne() throws Exception {
        long product = scenario.newProduct(admin, 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> stockAt(suite.legacy.url(), product) == 4);
        flip("catalog", "{\"mode\":\"SHADOW\"}");
        // This gateway's counters as it reported them to release-control (every 2 s).
        String here = "zuul-gateway:localhost:" + suite.gateway.port();
        JsonNode before = feature("catalog").path("countersByGateway").path(here);

        for (int i = 0; i < 20; i++) {
            Http.Response read = Http.get(api + "/products/" + product, null);
            assertThat(read.status).isEqualTo(200);
            assertThat(read.header("X-Migration-Target")).isEqualTo("legacy");
            assertThat(Http.get(api + "/products?size=50", null).status).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> feature("catalog").path("countersByGateway").path(here)
                .path("shadow.compared").asLong() >= before.path("shadow.compared").asLong() + 40);
        assertThat(feature("catalog").path("countersByGateway").path(here).path("shadow.mismatched").asLong())
                .isEqualTo(before.path("shadow.mismatched").asLong());
        assertThat(feature("catalog").path("counters").path("shadow.compared").asLong())
                .as("summed over the gateways").isGreaterThanOrEqualTo(before.path("shadow.compared").asLong() + 40);

        // A difference only the legacy database has (written behind the shop's back, so nothing syncs it).
        try (Connection legacyDb = suite.database.connect("legacy-shop", "legacy-shop");
             PreparedStatement update = legacyDb.prepareStatement("UPDATE product SET name = ? WHERE id = ?")) {
            update.setString(1, "Seeded difference");
            update.setLong(2, product);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        Http.Response read = Http.get(api + "/products/" + product, null);
        assertThat(read.json().path("name").asText()).isEqualTo("Seeded difference");
        JsonNode diff = await().atMost(Duration.ofSeconds(20)).until(() -> diffs("catalog"), d -> d.size() > 0
                && d.get(0).path("path").asText().equals("/products/" + product)).get(0);
        assertThat(diff.path("differingPaths").toString()).isEqualTo("[\"$.name\"]");
        assertThat(diff.path("traceId").asText()).isEqualTo(read.traceId);
        // Reconciliation finds it too, and the flip gate will not hand the catalog to the new side over it.
        JsonNode reconciled = reconcile("catalog");
        assertThat(reconciled.path("drifted").findValuesAsText("id")).as(reconciled.toString())
                .contains(Long.toString(product));
        Http.Response refused = Http.put(api + "/admin/features/catalog", admin, "{\"mode\":\"NEW\"}");
        assertThat(refused.status).as(refused.body).isEqualTo(409);
        assertThat(refused.json().path("objection").asText()).contains("drift");
        // Repaired from the side that holds the catalog (SHADOW: the shop answers and takes the writes): its row
        // goes to the new side through the sync, and the next reconciliation finds the sides alike.
        Http.Response repaired = Http.post(api + "/admin/reconciliations/catalog/repair", admin, "");
        assertThat(repaired.status).as(repaired.body).isEqualTo(200);
        assertThat(repaired.json().path("repair").path("from").asText()).isEqualTo("legacy-shop");
        assertThat(repaired.json().path("repair").path("published").asInt()).isEqualTo(repaired.json()
                .path("drift").asInt()).isPositive();
        await().atMost(Duration.ofSeconds(20)).until(() -> "Seeded difference".equals(
                Http.get(suite.product1.url() + "/products/" + product, null).json().path("name").asText()));
        assertThat(reconcile("catalog").path("drift").asInt()).isZero();

        // Writes are never replayed: the new side's copy changes only through the sync.
        Http.Response write = Http.put(api + "/products/" + product, admin,
                "{\"name\":\"Written in shadow mode\",\"price\":3.00,\"stock\":4}");
        assertThat(write.header("X-Migration-Target")).isEqualTo("legacy");
        // Synced to the new side, the edit is there too: the gate reconciles again and lets the flip through.
        flip("catalog", "{\"mode\":\"NEW\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "Written in shadow mode".equals(
                Http.get(api + "/products/" + product, null).json().path("name").asText()));
    }

    @Test
    @Order(4)
    void aFlipReachesASecondGatewayWithinTwoSecondsAndNoRequestFailsDuringFlips() throws Exception {
        // With the production default for callers' trace headers (the suite's gateway takes them, so that the tests
        // can ask for the traces they follow).
        SuiteProcess second = suite.startAnother("zuul-gateway-2", "zuul-gateway",
                Map.of("TRACE_ACCEPT_INCOMING", "false"));
        try {
            String secondApi = second.url() + "/api";
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Http.get(secondApi + "/products?size=1", null).status == 200);
            aGatewayByDefaultStartsItsOwnTraceWhateverTheClientSends(secondApi);
            long product = scenario.newProduct(admin, 3);
            await().atMost(Duration.ofSeconds(20)).until(() -> stockAt(suite.legacy.url(), product) == 3);

            List<Long> reachedMs = new ArrayList<>();
            for (String mode : List.of("LEGACY", "NEW", "LEGACY", "NEW")) {
                long flipped = System.nanoTime();
                flip("catalog", "{\"mode\":\"" + mode + "\"}");
                String side = mode.equals("NEW") ? "new" : "legacy";
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() ->
                        side.equals(Http.get(secondApi + "/products/" + product, null).header("X-Migration-Target")));
                reachedMs.add((System.nanoTime() - flipped) / 1_000_000);
            }
            System.out.println("Flip reached the second gateway after (ms): " + reachedMs);
            assertThat(reachedMs).allSatisfy(ms -> assertThat(ms).isLessThan(2_000));

            // Reads and writes through both gateways while the catalog flips back and forth.
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger done = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> loops = new ArrayList<>();
            for (String gateway : List.of(api, secondApi, api, secondApi)) {
                loops.add(clients.submit(() -> {
                    while (running.get()) {
                        Http.Response r = Http.get(gateway + "/products/" + product, null);
                        if (r.status != 200) {
                            failures.add(r.status + " " + r.body);
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            for (int i = 0; i < 6; i++) {
                flip("catalog", "{\"mode\":\"" + (i % 2 == 0 ? "LEGACY" : "NEW") + "\"}");
                Thread.sleep(700);
            }
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
            clients.shutdown();
            System.out.println("Requests during 6 flips: " + done.get() + ", failed: " + failures.size());
            assertThat(done.get()).isGreaterThan(50);
            assertThat(failures).isEmpty();

            concurrentChangesThroughBothGatewaysAreAppliedByBothInCommitOrder(second);
        } finally {
            second.terminate();
            second.stop();
            flip("catalog", "{\"mode\":\"NEW\"}");
            flip("ordering", "{\"mode\":\"NEW\"}");
        }
    }

    /**
     * A client's own trace id and sampling decision are taken by a gateway told to accept them (the suite's first)
     * and ignored by one with the default (the second): it starts a trace of its own, so a client cannot have all
     * its requests recorded past the sampling rate or pick the trace its spans land in.
     */
    private void aGatewayByDefaultStartsItsOwnTraceWhateverTheClientSends(String secondApi) {
        String clientTrace = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> clientContext = Map.of("X-B3-TraceId", clientTrace, "X-B3-SpanId",
                clientTrace.substring(0, 16), "X-B3-Sampled", "1");
        assertThat(Http.get(api + "/products?size=1", null, clientContext).traceId).isEqualTo(clientTrace);
        Http.Response edge = Http.get(secondApi + "/products?size=1", null, clientContext);
        assertThat(edge.status).isEqualTo(200);
        assertThat(edge.traceId).matches("[0-9a-f]{16,32}").isNotEqualTo(clientTrace);
    }

    @Test
    @Order(5)
    void tenThousandAnonymousClientsSplitWithinOneAndAHalfPercentAndARampMovesNobodyBack() throws Exception {
        long product = scenario.newProduct(admin, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> stockAt(suite.legacy.url(), product) == 1);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            clients.add(UUID.randomUUID().toString());
        }
        flip("catalog", "{\"mode\":\"PERCENT\",\"percent\":10}");
        Set<String> newAt10 = onNewSide(clients, product);
        flip("catalog", "{\"mode\":\"PERCENT\",\"percent\":30}");
        Set<String> newAt30 = onNewSide(clients, product);
        flip("catalog", "{\"mode\":\"NEW\"}");

        assertThat(newAt10.size() / 100.0).isBetween(8.5, 11.5);
        assertThat(newAt30.size() / 100.0).isBetween(28.5, 31.5);
        assertThat(newAt30).containsAll(newAt10);
    }

    @Test
    @Order(6)
    void theAdminApiRefusesMembersAndNonsenseThroughTheRealGateway() {
        String member = scenario.newMemberToken();
        long version = feature("catalog").path("version").asLong();

        assertThat(Http.put(api + "/admin/features/catalog", member, "{\"mode\":\"LEGACY\"}").status).isEqualTo(403);
        assertThat(Http.put(api + "/admin/features/catalog", admin, "{\"mode\":\"PERCENT\",\"percent\":101}").status)
                .isEqualTo(400);
        assertThat(Http.put(api + "/admin/features/checkout", admin, "{\"mode\":\"NEW\"}").status).isEqualTo(404);
        Http.Response badMode = Http.put(api + "/admin/features/catalog", admin, "{\"mode\":\"BOTH\"}");
        assertThat(badMode.status).isEqualTo(400);
        assertThat(badMode.contentType).startsWith("application/problem+json");

        assertThat(feature("catalog").path("version").asLong()).isEqualTo(version);
        assertThat(Http.get(api + "/admin/features/catalog/history", admin).json().get(0).path("changedBy").asText())
                .startsWith("member ");
    }

    /**
     * 20 rounds of 10 changes (200 in all) that 8 admins send at once through both gateways, at random features and
     * modes, half with If-Match: after each round both gateways route by exactly the revision release-control
     * serves within 2 s of the round's last commit, and the history lists every change that was answered 200.
     */
    private void concurrentChangesThroughBothGatewaysAreAppliedByBothInCommitOrder(SuiteProcess second)
            throws Exception {
        List<SuiteProcess> gateways = List.of(suite.gateway, second);
        List<String> apis = List.of(api, second.url() + "/api");
        long startRevision = tableRevision();
        ExecutorService admins = Executors.newFixedThreadPool(8);
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger appliedUnconditionally = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Long> propagationMs = new ArrayList<>();
        java.util.Random random = new java.util.Random(26);
        for (int round = 0; round < 20; round++) {
            List<Future<?>> changes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String through = apis.get(random.nextInt(2));
                String feature = random.nextBoolean() ? "catalog" : "ordering";
                String mode = List.of("LEGACY", "NEW", "SHADOW", "PERCENT").get(random.nextInt(4));
                int percent = random.nextInt(101);
                boolean conditional = random.nextBoolean();
                changes.add(admins.submit(() -> {
                    Map<String, String> ifMatch = conditional ? Map.of("If-Match",
                            Http.get(through + "/admin/features/" + feature, admin).header("ETag")) : Map.of();
                    Http.Response r = Http.put(through + "/admin/features/" + feature, admin,
                            "{\"mode\":\"" + mode + "\",\"percent\":" + percent + "}", ifMatch);
                    if (r.status == 200) {
                        applied.incrementAndGet();
                        if (!conditional) {
                            appliedUnconditionally.incrementAndGet();
                        }
                    } else {
                        assertThat(r.status).as(r.body).isEqualTo(412);
                        assertThat(r.json().path("currentVersion").asLong()).isPositive();
                        refused.incrementAndGet();
                    }
                }));
            }
            for (Future<?> change : changes) {
                change.get(60, TimeUnit.SECONDS);
            }
            long lastCommit = System.nanoTime();
            long served = tableRevision();
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10)).until(() ->
                    gateways.stream().allMatch(g -> appliedRevision(g) == served));
            propagationMs.add((System.nanoTime() - lastCommit) / 1_000_000);
        }
        admins.shutdown();
        java.util.Collections.sort(propagationMs);
        System.out.println("Concurrent changes through two gateways: applied " + applied + " (" + appliedUnconditionally
                + " without If-Match), refused 412 " + refused + "; both gateways on the served revision after (ms) p50 "
                + propagationMs.get(propagationMs.size() / 2) + ", max " + propagationMs.get(propagationMs.size() - 1));
        assertThat(applied.get() + refused.get()).isEqualTo(200);
        assertThat(tableRevision() - startRevision).as("one revision per applied change").isEqualTo(applied.get());

        List<JsonNode> recorded = new ArrayList<>();
        for (String feature : List.of("catalog", "ordering")) {
            for (JsonNode change : Http.get(api + "/admin/features/" + feature + "/history?limit=1000", admin).json()) {
                if (change.path("version").asLong() > startRevision) {
                    recorded.add(change);
                }
            }
        }
        assertThat(recorded).hasSize(applied.get());
        assertThat(recorded.stream().filter(c -> !c.path("conditional").asBoolean()).count())
                .isEqualTo(appliedUnconditionally.get());
        // A change against a version long gone is refused, with the current one to read again.
        Http.Response stale = Http.put(api + "/admin/features/catalog", admin, "{\"mode\":\"NEW\"}",
                Map.of("If-Match", "\"1\""));
        assertThat(stale.status).isEqualTo(412);
        assertThat(stale.contentType).startsWith("application/problem+json");
        assertThat(stale.json().path("currentVersion").asLong()).isGreaterThan(startRevision);
    }

    /** The revision release-control serves now (the ETag of the switches' list). */
    private long tableRevision() {
        String etag = Http.get(api + "/admin/features", admin).header("ETag");
        return Long.parseLong(etag.replace("\"", ""));
    }

    /** The revision a gateway routes by (its readiness's routingTable component, with the actuator account). */
    private static long appliedRevision(SuiteProcess gateway) {
        return Http.getBasic(gateway.url() + "/actuator/health/routingTable", Suite.ACTUATOR_USER,
                Suite.ACTUATOR_PASSWORD).json().path("details").path("revision").asLong(-1);
    }

    /** The anonymous clients (by their sticky cookie) the gateway sends to the new side. */
    private Set<String> onNewSide(List<String> clients, long product) throws Exception {
        Set<String> onNew = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> all = new ArrayList<>();
        for (String client : clients) {
            all.add(pool.submit(() -> {
                Http.Response r = Http.raw("HEAD", api + "/products/" + product,
                        Map.of("Cookie", "msa-migration=" + client), null);
                assertThat(r.status).isEqualTo(200);
                if ("new".equals(r.header("X-Migration-Target"))) {
                    onNew.add(client);
                }
            }));
        }
        for (Future<?> f : all) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return onNew;
    }

    private void flip(String feature, String body) {
        Http.Response changed = Http.put(api + "/admin/features/" + feature, admin, body);
        assertThat(changed.status).as(changed.body).isEqualTo(200);
    }

    private JsonNode reconcile(String feature) {
        Http.Response done = Http.post(api + "/admin/reconciliations/" + feature, admin, null);
        assertThat(done.status).as(done.body).isEqualTo(200);
        assertThat(done.json().path("error").isNull()).as(done.body).isTrue();
        return done.json();
    }

    private void awaitServedBy(String side) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                side.equals(Http.get(api + "/products?size=1", null).header("X-Migration-Target")));
    }

    private JsonNode feature(String name) {
        return Http.get(api + "/admin/features/" + name, admin).json();
    }

    private JsonNode diffs(String name) {
        return Http.get(api + "/admin/features/" + name + "/diffs", admin).json();
    }

    /** Every product on sale at one side, straight from its port (no gateway), by id. */
    private Map<Long, String> catalogAt(String baseUrl) {
        Map<Long, String> products = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode body = Http.get(baseUrl + "/products?size=100&page=" + page, null).json();
            for (JsonNode p : body.path("content")) {
                products.put(p.path("id").asLong(), p.path("name").asText() + "|" + p.path("price").decimalValue()
                        .stripTrailingZeros().toPlainString() + "|" + p.path("stock").asInt());
            }
            if (page + 1 >= body.path("totalPages").asInt()) {
                return products;
            }
        }
    }

    private int stockAt(String baseUrl, long product) {
        Http.Response r = Http.get(baseUrl + "/products/" + product, null);
        return r.status == 200 ? r.json().path("stock").asInt() : -1;
    }

    /** The member's orders (id -> status) as the side serving ordering now lists them. */
    private Map<String, String> ordersOf(String member) {
        Map<String, String> orders = new TreeMap<>();
        for (JsonNode o : Http.get(api + "/orders?size=100", member).json().path("content")) {
            orders.put(o.path("id").asText(), o.path("status").asText());
        }
        return orders;
    }
}

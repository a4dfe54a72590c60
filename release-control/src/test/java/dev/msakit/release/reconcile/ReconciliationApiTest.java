package dev.msakit.release.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.migration.SyncRepair;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

import java.util.List;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static dev.msakit.release.reconcile.SyncSidesStub.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation and the flip gate, on a real database, against both sides served by {@link SyncSidesStub}: drift is
 * what differs twice alike (a change still in flight is not), and a flip that hands a feature over is refused while
 * the sides drift or the sync lags, unless forced (and then recorded).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "release-control.reconciliation.confirm-delay=50ms", "release-control.reconciliation.interval=0"})
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class ReconciliationApiTest {

    private static final SyncSidesStub SIDES = SyncSidesStub.SHARED;

    @DynamicPropertySource
    static void sides(DynamicPropertyRegistry registry) {
        SIDES.register(registry);
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;

    @BeforeEach
    @AfterEach
    void catalogNewAndSidesAlike() throws Exception {
        SIDES.reset();
        SIDES.set("catalog", rows("1", "Pen|1.10|10|true"), rows("1", "Pen|1.10|10|true"));
        reconcile("catalog");
        assertThat(put("catalog", "{\"mode\":\"NEW\"}", false).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void equalSidesHaveNoDriftAndOnlyTheirChecksumsAreRead() throws Exception {
        SIDES.set("catalog", rows("1", "Pen|1.10|10|true", "2", "Cup|3.00|4|true", "21", "Lamp|20.00|1|false"),
                rows("1", "Pen|1.10|10|true", "2", "Cup|3.00|4|true", "21", "Lamp|20.00|1|false"));
        int readsBefore = SIDES.rowReads();

        JsonNode report = reconcile("catalog");

        assertThat(report.path("drift").asInt()).isZero();
        assertThat(report.path("legacyRows").asLong()).isEqualTo(3);
        assertThat(report.path("buckets").asInt()).as("ids 1, 2 and 21 by first digit").isEqualTo(2);
        assertThat(report.path("differingBuckets").asInt()).isZero();
        assertThat(SIDES.rowReads()).as("no bucket differed: no rows read").isEqualTo(readsBefore);
    }

    @Test
    void aRowThatDiffersTwiceAlikeIsDriftAndOneThatArrivesMeanwhileIsInFlight() throws Exception {
        SIDES.set("catalog", rows("1", "Pen|1.10|7|true", "2", "Cup|3.00|4|true", "3", "Mug|2.00|5|true"),
                rows("1", "Pen|1.10|9|true", "2", "Cup|3.50|4|true", "4", "Hat|9.00|1|true"));
        // Cup's edit reaches the shop between the two reads (after the first one's 4 buckets x 2 sides).
        int firstPassDone = SIDES.rowReads() + 8;
        SIDES.onRowsRead(() -> {
            if (SIDES.rowReads() == firstPassDone) {
                SIDES.changeLegacy("catalog", "2", "Cup|3.50|4|true");
            }
        });

        JsonNode report = reconcile("catalog");

        assertThat(report.path("drift").asInt()).as(report.toString()).isEqualTo(3);
        assertThat(report.path("inFlight").asInt()).isEqualTo(1);
        assertThat(report.path("drifted")).extracting(r -> r.path("id").asText()).containsExactly("1", "3", "4");
        JsonNode pen = report.path("drifted").get(0);
        assertThat(pen.path("legacy").asText()).isEqualTo("Pen|1.10|7|true");
        assertThat(pen.path("newSide").asText()).isEqualTo("Pen|1.10|9|true");
        assertThat(report.path("drifted").get(2).path("legacy").isNull()).as("only at the new side").isTrue();
        JsonNode latest = json.readTree(admin(HttpMethod.GET, "/admin/reconciliations/catalog", null).getBody());
        assertThat(latest.path("id").asLong()).isEqualTo(report.path("id").asLong());
    }

    @Test
    void aFlipIsRefusedWhileTheSidesDriftAndGoesThroughWhenForcedWithTheObjectionRecorded() throws Exception {
        SIDES.set("catalog", rows("1", "Pen|1.10|7|true"), rows("1", "Pen|1.10|9|true"));
        assertThat(reconcile("catalog").path("drift").asInt()).isEqualTo(1);

        ResponseEntity<String> refused = put("catalog", "{\"mode\":\"LEGACY\"}", false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(refused.getBody()).path("objection").asText()).contains("1 row(s) of drift");
        // A change that hands nothing over (the new side keeps the writes) is not the gate's business.
        assertThat(put("catalog", "{\"mode\":\"NEW\"}", false).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(put("catalog", "{\"mode\":\"LEGACY\"}", true).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode forced = json.readTree(admin(HttpMethod.GET, "/admin/features/catalog/history?limit=1", null)
                .getBody()).get(0);
        assertThat(forced.path("mode").asText()).isEqualTo("LEGACY");
        assertThat(forced.path("forcedPast").asText()).contains("drift");
        assertThat(forced.path("changedBy").asText()).isNotBlank();

        // Once the sides agree again, the gate runs a fresh reconciliation instead of trusting the old one.
        SIDES.set("catalog", rows("1", "Pen|1.10|9|true"), rows("1", "Pen|1.10|9|true"));
        assertThat(put("catalog", "{\"mode\":\"NEW\"}", false).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aFlipIsRefusedWhileTheSyncLagsMoreThanFiveSeconds() throws Exception {
        SIDES.lag(0.2, 7.5);

        ResponseEntity<String> refused = put("catalog", "{\"mode\":\"PERCENT\",\"percent\":10}", false);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(refused.getBody()).path("objection").asText()).contains("7.5 s");
        SIDES.lag(0, 0);
        assertThat(put("catalog", "{\"mode\":\"PERCENT\",\"percent\":10}", false).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** A side of an older version, without the lag endpoint: its lag is read from its checksums instead. */
    @Test
    void theLagOfASideWithoutTheLagEndpointComesFromItsChecksums() throws Exception {
        SIDES.lag(6.5, 0);
        SIDES.lagEndpoint(false);
        try {
            ResponseEntity<String> refused = put("catalog", "{\"mode\":\"PERCENT\",\"percent\":10}", false);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(json.readTree(refused.getBody()).path("objection").asText()).contains("6.5 s");
        } finally {
            SIDES.lagEndpoint(true);
            SIDES.lag(0, 0);
        }
    }

    @Test
    void aRepairHasTheSideThatHoldsTheFeaturePublishItsDriftedRowsWithBothSidesRows() throws Exception {
        SIDES.set("catalog", rows("1", "Pen|1.10|7|true", "2", "Cup|3.00|4|true", "3", "Mug|2.00|5|true"),
                rows("1", "Pen|1.10|9|true", "2", "Cup|3.00|4|true"));
        assertThat(put("catalog", "{\"mode\":\"LEGACY\"}", true).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> done = admin(HttpMethod.POST, "/admin/reconciliations/catalog/repair", null);

        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(done.getBody());
        assertThat(report.path("drift").asInt()).isEqualTo(2);
        assertThat(report.path("repair").path("from").asText()).isEqualTo("legacy-shop");
        assertThat(report.path("repair").path("published").asInt()).isEqualTo(2);
        assertThat(SIDES.repairsAskedOf(false)).as("the new side does not hold the catalog").isEmpty();
        assertThat(SIDES.repairsAskedOf(true)).hasSize(1);
        List<SyncRepair.Row> asked = SIDES.repairsAskedOf(true).get(0).getRows();
        assertThat(asked).extracting(SyncRepair.Row::getId).containsExactly("1", "3");
        assertThat(asked.get(0).getHolderRow()).isEqualTo("Pen|1.10|7|true");
        assertThat(asked.get(0).getOtherRow()).isEqualTo("Pen|1.10|9|true");
        assertThat(asked.get(1).getOtherRow()).as("the new side lacks Mug").isNull();
        // Recorded: the latest reconciliation of the catalog is this one, with its repair.
        JsonNode latest = json.readTree(admin(HttpMethod.GET, "/admin/reconciliations/catalog", null).getBody());
        assertThat(latest.path("repair").path("published").asInt()).isEqualTo(2);
    }

    @Test
    void aRepairIsRefusedWhileBothSidesTakeWritesOrTheOtherSideLags() throws Exception {
        SIDES.set("catalog", rows("1", "Pen|1.10|7|true"), rows("1", "Pen|1.10|9|true"));
        assertThat(put("catalog", "{\"mode\":\"PERCENT\",\"percent\":50}", true).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> percent = admin(HttpMethod.POST, "/admin/reconciliations/catalog/repair", null);
        assertThat(percent.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(percent.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(percent.getBody()).path("detail").asText()).contains("both sides take its writes");

        assertThat(put("catalog", "{\"mode\":\"NEW\"}", true).getStatusCode()).isEqualTo(HttpStatus.OK);
        SIDES.lag(3.0, 0);
        ResponseEntity<String> lagging = admin(HttpMethod.POST, "/admin/reconciliations/catalog/repair", null);
        assertThat(lagging.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(lagging.getBody()).path("detail").asText()).contains("legacy-shop")
                .contains("3.0 s behind");
        SIDES.lag(0, 0);

        assertThat(SIDES.repairsAskedOf(true)).isEmpty();
        assertThat(SIDES.repairsAskedOf(false)).isEmpty();
        assertThat(call(HttpMethod.POST, "/admin/reconciliations/catalog/repair", TOKENS.member(3)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** An order belongs to the side that took it, whatever the switch: both sides are asked, each sends its own. */
    @Test
    void orderingIsRepairedByEachSideForTheOrdersItHolds() throws Exception {
        SIDES.set("ordering", rows("ab12", "CONFIRMED|1x2", "cd34", "CANCELLED|2x1", "ef56", "CONFIRMED|3x1"),
                rows("ab12", "CANCELLED|1x2", "cd34", "CONFIRMED|2x1", "ef56", "CONFIRMED|3x1"));

        ResponseEntity<String> done = admin(HttpMethod.POST, "/admin/reconciliations/ordering/repair", null);

        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode repair = json.readTree(done.getBody()).path("repair");
        assertThat(repair.path("from").asText()).isEqualTo("legacy-shop, order-service");
        assertThat(repair.path("published").asInt()).as("ab12 by the shop, cd34 by order-service").isEqualTo(2);
        assertThat(repair.path("notPublished")).isEmpty();
        assertThat(SIDES.repairsAskedOf(true).get(0).getRows()).extracting(SyncRepair.Row::getId)
                .containsExactly("ab12", "cd34");
        assertThat(SIDES.repairsAskedOf(false).get(0).getRows().get(1).getHolderRow()).isEqualTo("CONFIRMED|2x1");
    }

    @Test
    void onlyAdminsReconcileAndAnUnknownFeatureIsNotFound() {
        assertThat(call(HttpMethod.POST, "/admin/reconciliations/catalog", TOKENS.member(3)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin(HttpMethod.POST, "/admin/reconciliations/nothing", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode reconcile(String feature) throws Exception {
        ResponseEntity<String> done = admin(HttpMethod.POST, "/admin/reconciliations/" + feature, null);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(done.getBody());
    }

    private ResponseEntity<String> put(String feature, String body, boolean force) {
        return admin(HttpMethod.PUT, "/admin/features/" + feature + (force ? "?force=true" : ""), body);
    }

    private ResponseEntity<String> admin(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.admin(1));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return rest.exchange(path, method, new HttpEntity<>(null, headers), String.class);
    }
}

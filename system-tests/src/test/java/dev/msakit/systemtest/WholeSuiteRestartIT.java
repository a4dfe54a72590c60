package dev.msakit.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the database, the broker, the registry, the gateway and every service at once, checks that each ended by
 * itself within its grace, starts them again, and checks that members, products, stock, orders and the token signing
 * key all survived. Named to run last: it takes the suite down for a while.
 */
@ExtendWith(SuiteExtension.class)
class WholeSuiteRestartIT {

    @Test
    void aRestartOfEverythingLosesNoCommittedData(Suite suite) throws Exception {
        Scenario scenario = new Scenario(suite);
        String api = suite.gatewayUrl() + "/api";
        String email = scenario.newMember();
        String token = scenario.logIn(email, Scenario.MEMBER_PASSWORD);
        long productId = scenario.newProduct(scenario.adminToken(), 20);
        List<String> orderIds = new ArrayList<>();
        for (int quantity = 1; quantity <= 3; quantity++) {
            orderIds.add(scenario.order(token, productId, quantity).json().path("id").asText());
        }
        assertThat(Http.post(api + "/orders/" + orderIds.get(0) + "/cancel", token, null).status).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> scenario.stock(productId) == 15);
        JsonNode ordersBefore = Http.get(api + "/orders?size=10", token).json().path("content");

        // A whole machine or compose project going down: the broker and the database leave with the services, and
        // every process must still end by itself within its grace (consumers' offset commits included).
        List<String> killed = suite.restartDatabaseRegistryGatewayAndServices();
        assertThat(killed).as("processes killed after 30 s of graceful stop").isEmpty();

        // The gateway may need a moment more to see the services in its refreshed registry copy.
        Http.Response product = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(api + "/products/" + productId, null), r -> r.status == 200);
        assertThat(product.json().path("stock").asInt()).as("20 - (2 + 3); the cancelled order's unit came back")
                .isEqualTo(15);
        // The token issued before the restart is still valid: the signing key was kept.
        Http.Response orders = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(api + "/orders?size=10", token), r -> r.status == 200);
        assertThat(orders.json().path("content")).isEqualTo(ordersBefore);
        assertThat(orders.json().path("content")).extracting(o -> o.path("status").asText())
                .containsExactlyInAnyOrder("CANCELLED", "CONFIRMED", "CONFIRMED");
        // The member can still log in, and the suite takes new orders.
        String fresh = scenario.logIn(email, Scenario.MEMBER_PASSWORD);
        assertThat(scenario.order(fresh, productId, 5).json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(scenario.stock(productId)).isEqualTo(10);
    }
}

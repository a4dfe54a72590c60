package dev.msakit.systemtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Steps several system tests share: a fresh member, the admin, a product, an order, all through the gateway. */
final class Scenario {

    private final String api;

    Scenario(Suite suite) {
        this.api = suite.gatewayUrl() + "/api";
    }

    static final String MEMBER_PASSWORD = "password-123";

    String newMemberToken() {
        return logIn(newMember(), MEMBER_PASSWORD);
    }

    /** Signs up a new member with {@link #MEMBER_PASSWORD}; returns the e-mail address. */
    String newMember() {
        String email = "m-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response created = Http.post(api + "/members", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + MEMBER_PASSWORD + "\",\"name\":\"M\"}");
        assertThat(created.status).as(created.body).isEqualTo(201);
        return email;
    }

    String adminToken() {
        return logIn(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
    }

    long newProduct(String adminToken, int stock) {
        Http.Response created = Http.post(api + "/products", adminToken,
                "{\"name\":\"Traced product\",\"price\":3.00,\"stock\":" + stock + "}");
        assertThat(created.status).as(created.body).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    Http.Response order(String memberToken, long productId) {
        return order(memberToken, productId, 1);
    }

    /** An order whose trace is kept ({@link Http#TRACED}): for following it in Zipkin. */
    Http.Response tracedOrder(String memberToken, long productId) {
        return created(Http.placeOrderTraced(api + "/orders", memberToken, orderOf(productId, 1)));
    }

    Http.Response order(String memberToken, long productId, int quantity) {
        return created(Http.placeOrder(api + "/orders", memberToken, orderOf(productId, quantity)));
    }

    /** The body of an order of one product. */
    static String orderOf(long productId, int quantity) {
        return "{\"items\":[{\"productId\":" + productId + ",\"quantity\":" + quantity + "}]}";
    }

    private static Http.Response created(Http.Response placed) {
        assertThat(placed.status).as(placed.body).isEqualTo(201);
        return placed;
    }

    /**
     * Waits until none of the member's orders is PENDING any more (their sagas ended); returns their ids by final
     * status. Every read must find the order.
     */
    Map<String, List<String>> finalStatuses(String memberToken, List<String> orderIds, Duration within) {
        Map<String, String> statuses = new HashMap<>();
        await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String id : orderIds) {
                if (statuses.containsKey(id) && !"PENDING".equals(statuses.get(id))) {
                    continue;
                }
                Http.Response r = Http.get(api + "/orders/" + id, memberToken);
                assertThat(r.status).as("order " + id + ": " + r.body).isEqualTo(200);
                statuses.put(id, r.json().path("status").asText());
            }
            assertThat(statuses.values()).doesNotContain("PENDING");
        });
        return statuses.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    }

    int stock(long productId) {
        return Http.get(api + "/products/" + productId, null).json().path("stock").asInt();
    }

    String logIn(String email, String password) {
        Http.Response response = Http.post(api + "/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(response.status).as(response.body).isEqualTo(200);
        return response.json().path("access_token").asText();
    }
}

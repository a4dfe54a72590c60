package dev.msakit.gateway;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.cloud.contract.wiremock.AutoConfigureWireMock;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's rate limits through the real Zuul filter chain, with windows long enough (a minute) that the
 * counts are exact. Behind a proxy, so that X-Forwarded-For stands for different clients.
 */
@Tag("spring-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "member-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        "product-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        "gateway.rate-limit.behind-proxy=true",
        // A list is bound from one property source as a whole: each overridden policy is given in full.
        "gateway.rate-limit.route-policies.auth[0].limit=2",
        "gateway.rate-limit.route-policies.auth[0].refresh-interval=60",
        "gateway.rate-limit.route-policies.auth[0].type=origin",
        "gateway.rate-limit.default-policies[0].limit=3",
        "gateway.rate-limit.default-policies[0].refresh-interval=60",
        "gateway.rate-limit.default-policies[0].type=user",
        "gateway.rate-limit.default-policies[1].limit=1000",
        "gateway.rate-limit.default-policies[1].refresh-interval=60",
        "gateway.rate-limit.default-policies[1].type=origin"})
@AutoConfigureWireMock(port = 0)
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
// Its own WireMock server and limits must not outlive the class: the static WireMock client follows the latest one.
@DirtiesContext
class GatewayRateLimitTest {

    @Autowired
    private TestRestTemplate rest;

    @BeforeEach
    void stubServices() {
        WireMock.reset();
        stubFor(post(urlEqualTo("/auth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":401}")));
        stubFor(get(urlEqualTo("/products/1")).willReturn(okJson("{\"id\":1}")));
    }

    /** A wrong method on the login is answered 405 before the limits: it takes nothing from the address's logins. */
    @Test
    void aWrongMethodOnTheLoginIs405AndCostsNoLoginAttempt() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", "10.0.0.9");
        for (int i = 0; i < 5; i++) {
            ResponseEntity<String> wrong = rest.exchange("/api/auth/token", HttpMethod.GET,
                    new HttpEntity<>(headers), String.class);
            assertThat(wrong.getStatusCodeValue()).isEqualTo(405);
            assertThat(wrong.getHeaders().getFirst(HttpHeaders.ALLOW)).isEqualTo("POST, OPTIONS");
            assertThat(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        }
        assertThat(login("10.0.0.9").getStatusCodeValue()).isEqualTo(401);
        assertThat(login("10.0.0.9").getStatusCodeValue()).isEqualTo(401);
        assertThat(login("10.0.0.9").getStatusCodeValue()).isEqualTo(429);
    }

    @Test
    void loginAttemptsAreLimitedPerClientAddressWith429AndRetryAfter() {
        ResponseEntity<String> first = login("10.0.0.1");
        assertThat(first.getStatusCodeValue()).isEqualTo(401);
        // 2 a minute, 1 used: whole again in 30 s (not "0", the wait for the next token while one is left).
        assertThat(first.getHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(first.getHeaders().getFirst("X-RateLimit-Reset")).isEqualTo("30000");
        assertThat(login("10.0.0.1").getStatusCodeValue()).isEqualTo(401);

        ResponseEntity<String> limited = login("10.0.0.1");

        assertThat(limited.getStatusCodeValue()).isEqualTo(429);
        assertThat(limited.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(limited.getBody()).contains("\"status\":429").contains("retry after");
        long retryAfter = Long.parseLong(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        // Another client address has its own allowance; the refused attempt never reached member-service.
        assertThat(login("10.0.0.2").getStatusCodeValue()).isEqualTo(401);
        verify(3, postRequestedFor(urlEqualTo("/auth/token")));
    }

    /** A client writing X-Forwarded-For itself only adds entries left of the one the proxy appended. */
    @Test
    void aClientCannotPickItsOwnBucketWithAForgedForwardedFor() {
        assertThat(login("198.51.100.1, 10.0.0.3").getStatusCodeValue()).isEqualTo(401);
        assertThat(login("198.51.100.2, 10.0.0.3").getStatusCodeValue()).isEqualTo(401);
        assertThat(login("198.51.100.3,10.0.0.3").getStatusCodeValue()).isEqualTo(429);
    }

    @Test
    void eachMemberHasAnAllowanceOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            ResponseEntity<String> allowed = product(TOKENS.member(41));
            assertThat(allowed.getStatusCodeValue()).isEqualTo(200);
            // The member's 3 per minute bites long before the address's 1000: the headers describe that one.
            assertThat(allowed.getHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(allowed.getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
            assertThat(allowed.getHeaders().get("X-RateLimit-Limit")).hasSize(1);
        }
        ResponseEntity<String> limited = product(TOKENS.member(41));
        assertThat(limited.getStatusCodeValue()).isEqualTo(429);
        assertThat(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();

        // Same address, another member: not affected.
        assertThat(product(TOKENS.member(42)).getStatusCodeValue()).isEqualTo(200);
    }

    private ResponseEntity<String> login(String clientAddress) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", clientAddress);
        return rest.exchange("/api/auth/token", HttpMethod.POST,
                new HttpEntity<>("{\"email\":\"a@b.c\",\"password\":\"wrong-password\"}", headers), String.class);
    }

    private ResponseEntity<String> product(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.set("X-Forwarded-For", "10.0.0.9");
        return rest.exchange("/api/products/1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}

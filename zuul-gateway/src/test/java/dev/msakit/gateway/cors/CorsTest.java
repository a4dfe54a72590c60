package dev.msakit.gateway.cors;

import dev.msakit.platform.testing.jwt.TestJwtConfiguration;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.resetAllRequests;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser app on an allowed origin can call the API; others cannot; a preflight never reaches a service (WireMock
 * stands behind every route and must see no request).
 */
@Tag("spring-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "member-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        "product-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        "order-service.ribbon.listOfServers=localhost:${wiremock.server.port}",
        "CORS_ALLOWED_ORIGINS=https://shop.example, https://admin.shop.example"})
@AutoConfigureWireMock(port = 0)
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class CorsTest {

    /**
     * Any request a client could have caused: everything but the gateway's own service-account login, which its
     * control plane retries in the background whatever the test does.
     */
    private static final UrlPattern ROUTED = urlPathMatching("^(?!/auth/service-token$).*");


    private static final String SHOP = "https://shop.example";

    @Autowired
    private TestRestTemplate rest;

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredBeforeAuthenticationAndNeverForwarded() {
        resetAllRequests();
        HttpHeaders headers = new HttpHeaders();
        headers.setOrigin(SHOP);
        headers.set("Access-Control-Request-Method", "POST");
        headers.set("Access-Control-Request-Headers", "authorization, content-type, idempotency-key");

        ResponseEntity<String> preflight = rest.exchange("/api/orders", HttpMethod.OPTIONS,
                new HttpEntity<>(headers), String.class);

        assertThat(preflight.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(preflight.getHeaders().getAccessControlAllowOrigin()).isEqualTo(SHOP);
        assertThat(preflight.getHeaders().getAccessControlAllowMethods()).contains(HttpMethod.POST);
        assertThat(preflight.getHeaders().getAccessControlAllowHeaders())
                .containsExactlyInAnyOrder("authorization", "content-type", "idempotency-key");
        assertThat(preflight.getHeaders().getAccessControlMaxAge()).isEqualTo(3600);
        assertThat(preflight.getHeaders().getAccessControlAllowCredentials()).isFalse();
        verify(0, anyRequestedFor(ROUTED));
    }

    /** Even the gateway's own 401 is readable by the app, so it can tell the user to log in again. */
    @Test
    void anAllowedOriginMayReadTheAnswerAndItsUsefulHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setOrigin("https://admin.shop.example");

        ResponseEntity<String> response = rest.exchange("/api/orders", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getAccessControlAllowOrigin()).isEqualTo("https://admin.shop.example");
        assertThat(response.getHeaders().getAccessControlExposeHeaders())
                .contains("ETag", "Location", "X-Trace-Id", "WWW-Authenticate");
    }

    @Test
    void anyOtherOriginIsRefusedAndGetsNoCorsHeaders() {
        resetAllRequests();
        HttpHeaders headers = new HttpHeaders();
        headers.setOrigin("https://evil.example");
        headers.set("Access-Control-Request-Method", "POST");

        ResponseEntity<String> preflight = rest.exchange("/api/orders", HttpMethod.OPTIONS,
                new HttpEntity<>(headers), String.class);

        assertThat(preflight.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(preflight.getHeaders().getAccessControlAllowOrigin()).isNull();
        verify(0, anyRequestedFor(ROUTED));
    }
}

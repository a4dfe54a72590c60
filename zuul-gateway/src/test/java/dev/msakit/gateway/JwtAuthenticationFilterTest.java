package dev.msakit.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import dev.msakit.contracts.TokenClaims;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.gateway.filter.JwtAuthenticationFilter;
import dev.msakit.gateway.filter.ZuulProblemResponse;
import dev.msakit.platform.security.PlatformJwtDecoders;
import dev.msakit.platform.security.PublicPaths;
import dev.msakit.platform.testing.jwt.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.client.RestTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JwtAuthenticationFilterTest {

    private static final RSAKey KEY = TestTokens.newKey();
    private static final TestTokens TOKENS = new TestTokens(KEY);
    /** As the gateway is configured: member tokens (the public API's audience) only. */
    private final JwtAuthenticationFilter filter = new JwtAuthenticationFilter(gatewayDecoder(),
            PublicPaths.parse(List.of("GET /api/products/**", "POST /api/auth/token")),
            new ZuulProblemResponse(new ObjectMapper()));

    @AfterEach
    void clearContext() {
        RequestContext.getCurrentContext().unset();
    }

    @Test
    void passesValidToken() {
        RequestContext context = run("GET", "/api/orders", "Bearer " + TOKENS.member(1));
        assertThat(context.sendZuulResponse()).isTrue();
    }

    @Test
    void rejectsExpiredToken() {
        assertUnauthorized(run("GET", "/api/orders", "Bearer " + TOKENS.expired(1)), "invalid or expired");
    }

    @Test
    void rejectsTokenWithWrongSignature() {
        assertUnauthorized(run("GET", "/api/orders", "Bearer " + TestTokens.signedByStranger(1)), "invalid or expired");
    }

    @Test
    void rejectsAlgNone() {
        assertUnauthorized(run("GET", "/api/orders", "Bearer " + TestTokens.unsigned(1)), "invalid or expired");
    }

    @Test
    void rejectsHmacToken() {
        assertUnauthorized(run("GET", "/api/orders", "Bearer " + TestTokens.hmacSigned(1)), "invalid or expired");
    }

    @Test
    void rejectsAServiceAccountsToken() {
        assertUnauthorized(run("GET", "/api/orders", "Bearer " + TOKENS.service("order-service")),
                "invalid or expired");
    }

    @Test
    void rejectsATokenThatIsNotAnAccessToken() {
        assertUnauthorized(run("GET", "/api/orders", "Bearer " + TOKENS.untyped(1)), "invalid or expired");
    }

    @Test
    void rejectsMissingTokenOnProtectedPath() {
        assertUnauthorized(run("GET", "/api/orders", null), "An access token is required");
    }

    @Test
    void rejectsNonBearerScheme() {
        assertUnauthorized(run("GET", "/api/orders", "Basic dXNlcjpwYXNz"), "Bearer");
    }

    @Test
    void rejectsGarbageToken() {
        assertUnauthorized(run("GET", "/api/products/1", "Bearer not.a.jwt"), "invalid or expired");
    }

    /** CVE-2023-1370: json-smart before 2.4.9 overflowed its stack on such a payload, before any signature check. */
    @Test
    void rejectsATokenWhosePayloadNestsThousandsOfArrays() {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("[".repeat(2500) + "]".repeat(2500))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // The processes run with -Xss512k (./msa, containers): the same stack here, on a thread of its own.
        RequestContext[] result = new RequestContext[1];
        Throwable[] failure = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                result[0] = run("GET", "/api/orders", "Bearer " + header + "." + payload + ".c2ln");
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "small-stack", 512 * 1024);
        small.start();
        try {
            small.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(failure[0]).as("what the filter threw").isNull();
        assertUnauthorized(result[0], "invalid or expired");
    }

    @Test
    void letsPublicPathsPassWithoutToken() {
        assertThat(run("GET", "/api/products/7", null).sendZuulResponse()).isTrue();
        assertThat(run("POST", "/api/auth/token", null).sendZuulResponse()).isTrue();
    }

    @Test
    void publicPathIsPublicOnlyForItsMethod() {
        assertUnauthorized(run("DELETE", "/api/products/7", null), "An access token is required");
    }

    @Test
    void answers503WhenKeysCannotBeFetched() {
        JwtAuthenticationFilter blind = new JwtAuthenticationFilter(
                PlatformJwtDecoders.fromJwkSetUri("http://127.0.0.1:1/jwks.json", new RestTemplate(), TestTokens.ISSUER,
                        List.of(TokenClaims.AUDIENCE_API)),
                PublicPaths.parse(List.of()), new ZuulProblemResponse(new ObjectMapper()));
        RequestContext context = prepare("GET", "/api/orders", "Bearer " + TOKENS.member(1));
        blind.run();
        assertThat(context.sendZuulResponse()).isFalse();
        assertThat(context.getResponseStatusCode()).isEqualTo(503);
        assertThat(context.getResponseBody()).contains("member-service");
    }

    private static JwtDecoder gatewayDecoder() {
        try {
            return PlatformJwtDecoders.fromPublicKey(KEY.toRSAPublicKey(), TestTokens.ISSUER,
                    List.of(TokenClaims.AUDIENCE_API));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestContext run(String method, String path, String authorization) {
        RequestContext context = prepare(method, path, authorization);
        filter.run();
        return context;
    }

    private static RequestContext prepare(String method, String path, String authorization) {
        RequestContext.getCurrentContext().unset();
        RequestContext context = RequestContext.getCurrentContext();
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        context.setRequest(request);
        context.setResponse(new MockHttpServletResponse());
        return context;
    }

    private static void assertUnauthorized(RequestContext context, String detail) {
        assertThat(context.sendZuulResponse()).isFalse();
        assertThat(context.getResponseStatusCode()).isEqualTo(401);
        assertThat(context.getResponse().getContentType()).isEqualTo("application/problem+json");
        // RFC 6750 §3: a refused token says so (invalid_token); a missing one gets the bare challenge.
        String challenge = context.getResponse().getHeader("WWW-Authenticate");
        if (detail.contains("required")) {
            assertThat(challenge).isEqualTo("Bearer realm=\"msa-kit\"");
        } else {
            assertThat(challenge).startsWith("Bearer realm=\"msa-kit\", error=\"invalid_token\", error_description=\"");
        }
        assertThat(context.getResponseBody()).contains(detail).doesNotContain("eyJ");
    }
}

package dev.msakit.platform.resourceserver;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same answers as Spring Security's resolver, header by header: a token, no token, or invalid_token. */
class HeaderBearerTokenResolverTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlX3dpdGgtdXJsX3NhZmU";

    private final BearerTokenResolver ours = new HeaderBearerTokenResolver();
    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void readsTheTokenOfABearerHeaderInAnyCaseOfTheScheme() {
        assertThat(ours.resolve(request("Bearer " + JWT))).isEqualTo(JWT);
        assertThat(ours.resolve(request("bearer " + JWT))).isEqualTo(JWT);
        assertThat(ours.resolve(request("BEARER abc+/~_-.==") )).isEqualTo("abc+/~_-.==");
    }

    @Test
    void otherSchemesAndNoHeaderAreNoToken() {
        assertThat(ours.resolve(new MockHttpServletRequest())).isNull();
        assertThat(ours.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
    }

    @Test
    void aMalformedBearerHeaderIsAnInvalidToken() {
        for (String header : List.of("Bearer", "Bearer ", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer a b",
                "Bearer ==", "Bearer ab=c", "Bearer tok\u00e9n", "Bearer\t" + JWT, "Bearerx " + JWT)) {
            assertThatThrownBy(() -> ours.resolve(request(header))).as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                            .isEqualTo("invalid_token"));
        }
    }

    @Test
    void answersAsSpringSecuritysResolverOnTenThousandGeneratedHeaders() {
        Random random = new Random(42);
        String alphabet = "aZ09-._~+/= \t\u00e9,;:Bb";
        List<String> headers = new ArrayList<>(List.of("Bearer", "Bearer ", "bearer x", "Bearerx y", "Token abc",
                "Bearer a=", "Bearer a==b", "Bearer =a"));
        String[] prefixes = {"Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "", "Beare "};
        for (int i = 0; i < 10_000; i++) {
            StringBuilder header = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(ours, header)).as("[" + header + "]").isEqualTo(outcome(spring, header));
        }
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        try {
            return "token:" + resolver.resolve(request(header));
        } catch (OAuth2AuthenticationException e) {
            return "error:" + e.getError().getErrorCode();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/products/1");
        request.addHeader("Authorization", authorization);
        return request;
    }
}

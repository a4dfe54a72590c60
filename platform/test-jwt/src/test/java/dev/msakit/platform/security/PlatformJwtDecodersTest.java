package dev.msakit.platform.security;

import com.nimbusds.jose.jwk.RSAKey;
import dev.msakit.contracts.TokenClaims;
import dev.msakit.platform.testing.jwt.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformJwtDecodersTest {

    private final TestTokens tokens = new TestTokens();
    private final JwtDecoder decoder = tokens.decoder();

    @Test
    void acceptsValidTokenAndExposesSubjectAndRoles() {
        Jwt jwt = decoder.decode(tokens.admin(42));
        assertThat(jwt.getSubject()).isEqualTo("42");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MEMBER", "ADMIN");
    }

    @Test
    void rejectsExpiredToken() {
        assertThatThrownBy(() -> decoder.decode(tokens.expired(42))).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsTokenSignedByAnotherKey() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.signedByStranger(42))).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAlgNone() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.unsigned(42))).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsHmacToken() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.hmacSigned(42))).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsATokenThatIsNotAnAccessToken() {
        // Same key, issuer and claims, but typ JWT: an ID token or any other JWT the issuer signs is not access.
        assertThatThrownBy(() -> decoder.decode(tokens.untyped(42))).isInstanceOf(JwtException.class)
                .hasMessageContaining("typ");
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        assertThatThrownBy(() -> decoder.decode(tokens.forAudience(42, "someone-else")))
                .isInstanceOf(JwtException.class).hasMessageContaining("not meant for this API");
    }

    @Test
    void theGatewaysAudienceRefusesServiceTokensWhileServicesAcceptThem() throws Exception {
        RSAKey key = TestTokens.newKey();
        TestTokens withKey = new TestTokens(key);
        JwtDecoder gateway = PlatformJwtDecoders.fromPublicKey(key.toRSAPublicKey(), TestTokens.ISSUER,
                List.of(TokenClaims.AUDIENCE_API));
        assertThat(gateway.decode(withKey.member(7)).getAudience()).containsExactly(TokenClaims.AUDIENCE_API);
        assertThatThrownBy(() -> gateway.decode(withKey.service("order-service")))
                .isInstanceOf(JwtException.class).hasMessageContaining("not meant for this API");
        assertThat(withKey.decoder().decode(withKey.service("order-service")).getClaimAsString("client_id"))
                .isEqualTo("order-service");
    }

    @Test
    void publicPathsMatchMethodAndPattern() {
        PublicPaths paths = PublicPaths.parse(List.of("GET /products/**", "/auth/token"));
        assertThat(paths.matches("GET", "/products/7")).isTrue();
        assertThat(paths.matches("POST", "/products")).isFalse();
        assertThat(paths.matches("POST", "/auth/token")).isTrue();
        assertThat(paths.matches("GET", "/orders")).isFalse();
    }
}

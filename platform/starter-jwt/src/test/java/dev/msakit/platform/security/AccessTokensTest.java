package dev.msakit.platform.security;

import dev.msakit.contracts.Roles;
import dev.msakit.contracts.TokenClaims;
import dev.msakit.platform.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensTest {

    @Test
    void aMembersTokenNamesTheMemberAndItsRoles() {
        Jwt member = token("42", List.of(Roles.MEMBER, Roles.ADMIN));
        assertThat(AccessTokens.memberId(member)).isEqualTo(42);
        assertThat(AccessTokens.hasRole(member, Roles.ADMIN)).isTrue();
        assertThat(AccessTokens.hasRole(member, Roles.SERVICE)).isFalse();
    }

    @Test
    void aServiceTokenIsNoMembersInEveryService() {
        Jwt service = token("order-service", List.of(Roles.SERVICE));
        assertThatThrownBy(() -> AccessTokens.memberId(service)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED));
        assertThat(AccessTokens.roles(null)).isEmpty();
    }

    private static Jwt token(String subject, List<String> roles) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).claim(TokenClaims.ROLES, roles)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}

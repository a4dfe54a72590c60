package dev.msakit.platform.security;

import dev.msakit.contracts.TokenClaims;
import dev.msakit.platform.problem.ApiException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;

/** Reading a verified access token the same way in every service and the gateway (see {@link TokenClaims}). */
public final class AccessTokens {

    private AccessTokens() {
    }

    /**
     * The member a token speaks for. A token that names no member (a service's client-credentials token) is
     * refused with 401, the same in every service: it does not authenticate a member.
     */
    public static long memberId(Jwt token) {
        try {
            return Long.parseLong(token.getSubject());
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("The access token names no member");
        }
    }

    public static Set<String> roles(Jwt token) {
        List<String> roles = token == null ? null : token.getClaimAsStringList(TokenClaims.ROLES);
        return roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static boolean hasRole(Jwt token, String role) {
        return roles(token).contains(role);
    }
}

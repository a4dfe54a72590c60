package dev.msakit.gateway.admin;

import dev.msakit.contracts.Roles;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.platform.security.AccessTokens;
import dev.msakit.platform.security.BearerChallenge;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import javax.servlet.http.HttpServletResponse;

/**
 * The gateway's own admin APIs (switches, canaries) accept only a verified access token with the ADMIN role:
 * 401 with a Bearer challenge (RFC 6750) without a valid one, 403 without the role.
 */
public class AdminTokens {

    private static final String BEARER = "Bearer ";

    private final JwtDecoder tokens;

    public AdminTokens(JwtDecoder tokens) {
        this.tokens = tokens;
    }

    /**
     * @param authorization the Authorization header, or null
     * @param action        what the caller wants, for the 403 ("Changing how features are served")
     */
    public Jwt require(String authorization, HttpServletResponse response, String action) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.missingToken());
            throw ApiException.unauthorized("An ADMIN access token is required");
        }
        Jwt jwt;
        try {
            jwt = tokens.decode(authorization.substring(BEARER.length()).trim());
        } catch (JwtException e) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    BearerChallenge.invalidToken("The access token is invalid or expired"));
            throw ApiException.unauthorized("The access token is invalid or expired");
        }
        if (!AccessTokens.hasRole(jwt, Roles.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, action + " needs the ADMIN role");
        }
        return jwt;
    }

    /** How the admin is named in histories and logs: the e-mail, else the subject. */
    public static String who(Jwt admin) {
        String email = admin.getClaimAsString("email");
        return email != null ? email : "member " + admin.getSubject();
    }
}

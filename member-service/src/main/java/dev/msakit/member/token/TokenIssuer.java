package dev.msakit.member.token;

import dev.msakit.contracts.Roles;
import dev.msakit.contracts.TokenClaims;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.msakit.member.domain.Member;
import dev.msakit.member.domain.Role;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues short-lived RS256 access tokens in RFC 9068's profile: header {@code typ: at+jwt} and key id; claims iss,
 * sub (member id or service client id), aud (the public API for members, the internal audience for services),
 * client_id, iat, exp, jti, and the roles.
 */
@Component
public class TokenIssuer {

    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType(TokenClaims.TYPE);

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public IssuedToken issue(Member member) {
        return issue(member.getId().toString(), TokenClaims.AUDIENCE_API, TokenClaims.MEMBER_CLIENT,
                member.getRoles().stream().map(Role::name).sorted().collect(Collectors.toList()));
    }

    /** A token for a service account: subject = client id, the single role SERVICE. */
    public IssuedToken issueForService(String clientId) {
        return issue(clientId, TokenClaims.AUDIENCE_SERVICES, clientId, List.of(Roles.SERVICE));
    }

    private IssuedToken issue(String subject, String audience, String clientId, List<String> roles) {
        Instant now = clock.instant();
        Instant expiry = now.plus(properties.getTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.getIssuer())
                .subject(subject)
                .audience(audience)
                .claim(TokenClaims.CLIENT_ID, clientId)
                .claim(TokenClaims.ROLES, roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .build();
        RSAKey key = keys.signer();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(ACCESS_TOKEN).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), properties.getTtl().getSeconds());
    }

    /** A token (a signed access token, or an opaque refresh token) and its lifetime in seconds. */
    public static final class IssuedToken {
        private final String value;
        private final long expiresInSeconds;

        IssuedToken(String value, long expiresInSeconds) {
            this.value = value;
            this.expiresInSeconds = expiresInSeconds;
        }

        public String getValue() {
            return value;
        }

        public long getExpiresInSeconds() {
            return expiresInSeconds;
        }
    }
}

package dev.msakit.member.token;

import dev.msakit.contracts.Roles;
import dev.msakit.contracts.TokenClaims;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
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

/** Issues short-lived RS256 access tokens: subject = member id, roles claim, key id in the header. */
@Component
public class TokenIssuer {

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final JWSSigner signer;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, TokenProperties properties) {
        this.keys = keys;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        try {
            this.signer = new RSASSASigner(keys.current());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the configured key", e);
        }
    }

    public IssuedToken issue(Member member) {
        return issue(member.getId().toString(),
                member.getRoles().stream().map(Role::name).sorted().collect(Collectors.toList()));
    }

    /** A token for a service account: subject = client id, the single role SERVICE. */
    public IssuedToken issueForService(String clientId) {
        return issue(clientId, List.of(Roles.SERVICE));
    }

    private IssuedToken issue(String subject, List<String> roles) {
        Instant now = clock.instant();
        Instant expiry = now.plus(properties.getTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.getIssuer())
                .subject(subject)
                .claim(TokenClaims.ROLES, roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.current().getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), properties.getTtl().getSeconds());
    }

    /** A signed token and its lifetime in seconds. */
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

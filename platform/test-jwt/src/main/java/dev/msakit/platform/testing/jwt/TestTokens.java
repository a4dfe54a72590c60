package dev.msakit.platform.testing.jwt;

import dev.msakit.contracts.Roles;
import dev.msakit.contracts.TokenClaims;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.msakit.platform.security.PlatformJwtDecoders;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints real RS256 tokens (and forged ones) for tests, with a key pair of its own. */
public final class TestTokens {

    public static final String ISSUER = TokenClaims.ISSUER;

    private final RSAKey key;

    public TestTokens() {
        this(newKey());
    }

    public TestTokens(RSAKey key) {
        this.key = key;
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public JwtDecoder decoder() {
        try {
            return PlatformJwtDecoders.fromPublicKey((RSAPublicKey) key.toPublicKey(), ISSUER,
                    List.of(TokenClaims.AUDIENCE_API, TokenClaims.AUDIENCE_SERVICES));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String member(long memberId) {
        return token(memberId, List.of("MEMBER"), Duration.ofMinutes(10));
    }

    public String admin(long memberId) {
        return token(memberId, List.of("MEMBER", "ADMIN"), Duration.ofMinutes(10));
    }

    /** A service account's token, as member-service issues to order-service. */
    public String service(String clientId) {
        return sign(key, new JWTClaimsSet.Builder(claims(clientId, List.of(Roles.SERVICE), Duration.ofMinutes(10)))
                .audience(TokenClaims.AUDIENCE_SERVICES).claim(TokenClaims.CLIENT_ID, clientId).build());
    }

    /** A member's token in every respect but its JOSE type: {@code JWT} (an ID token, say) instead of at+jwt. */
    public String untyped(long memberId) {
        return sign(key, claims(memberId, List.of("MEMBER"), Duration.ofMinutes(10)), JOSEObjectType.JWT);
    }

    /** A member's token for another audience. */
    public String forAudience(long memberId, String audience) {
        return sign(key, new JWTClaimsSet.Builder(claims(memberId, List.of("MEMBER"), Duration.ofMinutes(10)))
                .audience(audience).build());
    }

    public String expired(long memberId) {
        return token(memberId, List.of("MEMBER"), Duration.ofMinutes(-10));
    }

    public String token(long memberId, List<String> roles, Duration validFor) {
        return sign(key, claims(memberId, roles, validFor));
    }

    /** Well-formed and RS256, but signed by a key the verifier does not know. */
    public static String signedByStranger(long memberId) {
        return sign(newKey(), claims(memberId, List.of("MEMBER", "ADMIN"), Duration.ofMinutes(10)));
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(long memberId) {
        return new PlainJWT(claims(memberId, List.of("MEMBER", "ADMIN"), Duration.ofMinutes(10))).serialize();
    }

    /** HS256 with a guessable secret: the classic algorithm-confusion forgery. */
    public static String hmacSigned(long memberId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .type(new JOSEObjectType(TokenClaims.TYPE)).build(),
                    claims(memberId, List.of("MEMBER", "ADMIN"), Duration.ofMinutes(10)));
            jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef0123456789abcdef".getBytes()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(long memberId, List<String> roles, Duration validFor) {
        return claims(Long.toString(memberId), roles, validFor);
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, Duration validFor) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(TokenClaims.AUDIENCE_API)
                .claim(TokenClaims.CLIENT_ID, TokenClaims.MEMBER_CLIENT)
                .claim(TokenClaims.ROLES, roles)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.plus(validFor)))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, claims, new JOSEObjectType(TokenClaims.TYPE));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

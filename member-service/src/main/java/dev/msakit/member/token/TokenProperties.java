package dev.msakit.member.token;

import dev.msakit.contracts.TokenClaims;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;

import java.time.Duration;

@ConfigurationProperties("member.token")
@ConstructorBinding
public class TokenProperties {

    static final Duration MIN_TTL = Duration.ofMinutes(1);
    static final Duration MAX_TTL = Duration.ofMinutes(60);

    private final Duration ttl;
    private final String issuer;
    private final String privateKeyPem;
    private final String keyEncryptionKey;
    private final Duration keyRotationInterval;
    private final Duration keyActivationDelay;
    private final Duration refreshTtl;

    public TokenProperties(Duration ttl, String issuer, String privateKeyPem, String keyEncryptionKey,
                           Duration keyRotationInterval, Duration keyActivationDelay, Duration refreshTtl) {
        this.ttl = ttl == null ? Duration.ofMinutes(15) : ttl;
        if (this.ttl.compareTo(MIN_TTL) < 0 || this.ttl.compareTo(MAX_TTL) > 0) {
            // A token cannot be revoked before it expires: a long life is a long exposure (and a demoted member
            // keeps old roles that long).
            throw new IllegalArgumentException("member.token.ttl (TOKEN_TTL) is " + this.ttl + ": it must be between "
                    + MIN_TTL.toMinutes() + " minute and " + MAX_TTL.toMinutes() + " minutes");
        }
        this.issuer = issuer == null ? TokenClaims.ISSUER : issuer;
        this.privateKeyPem = privateKeyPem == null ? "" : privateKeyPem;
        this.keyEncryptionKey = keyEncryptionKey == null ? "" : keyEncryptionKey;
        this.keyRotationInterval = keyRotationInterval == null ? Duration.ofDays(30) : keyRotationInterval;
        this.keyActivationDelay = keyActivationDelay == null ? Duration.ofMinutes(1) : keyActivationDelay;
        this.refreshTtl = refreshTtl == null ? Duration.ofDays(7) : refreshTtl;
    }

    public Duration getTtl() {
        return ttl;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getPrivateKeyPem() {
        return privateKeyPem;
    }

    /** Seals the stored signing keys (see KeySealing); not needed when the key is configured. */
    public String getKeyEncryptionKey() {
        return keyEncryptionKey;
    }

    /** How long a stored key signs before the next one is made. */
    public Duration getKeyRotationInterval() {
        return keyRotationInterval;
    }

    /**
     * How long a new key is published before it signs: longer than the verifiers' key-set refetch interval and
     * the instances' key check interval together.
     */
    public Duration getKeyActivationDelay() {
        return keyActivationDelay;
    }

    /** How long a refresh token may be used (each refresh hands out a new one with a new lifetime). */
    public Duration getRefreshTtl() {
        return refreshTtl;
    }
}

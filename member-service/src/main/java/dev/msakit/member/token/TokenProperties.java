package dev.msakit.member.token;

import dev.msakit.contracts.TokenClaims;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;

import java.time.Duration;

@ConfigurationProperties("member.token")
@ConstructorBinding
public class TokenProperties {

    private final Duration ttl;
    private final String issuer;
    private final String privateKeyPem;

    public TokenProperties(Duration ttl, String issuer, String privateKeyPem) {
        this.ttl = ttl == null ? Duration.ofMinutes(15) : ttl;
        this.issuer = issuer == null ? TokenClaims.ISSUER : issuer;
        this.privateKeyPem = privateKeyPem == null ? "" : privateKeyPem;
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
}

package dev.msakit.member.token;

import dev.msakit.platform.domain.DomainException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Service accounts allowed to obtain a SERVICE token (client id to secret, secrets from the environment).
 * A client whose secret is empty is disabled.
 */
@ConfigurationProperties("member")
@ConstructorBinding
public class ServiceClients {

    private final Map<String, String> serviceClients;

    public ServiceClients(Map<String, String> serviceClients) {
        this.serviceClients = serviceClients == null ? Map.of() : Map.copyOf(serviceClients);
    }

    public void authenticate(String clientId, String secret) {
        String expected = serviceClients.getOrDefault(clientId, "");
        // Constant-time comparison; an unknown or disabled client fails the same way as a wrong secret.
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
        if (expected.isEmpty() || !matches) {
            throw DomainException.notAuthenticated("Client id or secret is wrong");
        }
    }
}

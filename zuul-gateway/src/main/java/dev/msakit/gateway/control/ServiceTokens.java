package dev.msakit.gateway.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.msakit.contracts.ServiceIds;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * This gateway's SERVICE token from member-service's service-account login, kept and renewed a minute before it
 * expires, so calls to release-control do not each pay a login.
 */
public class ServiceTokens {

    private static final long RENEW_BEFORE_SECONDS = 60;

    private final RestTemplate loadBalanced;
    private final ControlPlaneProperties properties;
    private final Clock clock = Clock.systemUTC();
    private String token;
    private Instant renewAt = Instant.EPOCH;

    public ServiceTokens(RestTemplate loadBalanced, ControlPlaneProperties properties) {
        this.loadBalanced = loadBalanced;
        this.properties = properties;
    }

    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            JsonNode issued = loadBalanced.postForObject(URI.create("http://" + ServiceIds.MEMBER
                    + "/auth/service-token"), Map.of("clientId", properties.getClientId(), "clientSecret",
                    properties.getClientSecret()), JsonNode.class);
            if (issued == null || !issued.hasNonNull("access_token")) {
                throw new IllegalStateException("member-service issued no service token");
            }
            token = issued.path("access_token").asText();
            renewAt = now.plusSeconds(Math.max(0, issued.path("expires_in").asLong() - RENEW_BEFORE_SECONDS));
        }
        return token;
    }

    /** After a 401: the token was refused (keys rotated, account changed); the next call logs in again. */
    public synchronized void forget() {
        token = null;
    }
}

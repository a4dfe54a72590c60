package dev.msakit.platform.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.msakit.contracts.ServiceIds;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One SERVICE token of this process's service account, obtained from member-service's service-account login however
 * the caller reaches it (Feign, a RestTemplate), kept, and renewed a minute before it expires: internal calls do not
 * each pay a login.
 */
public final class RenewingServiceToken {

    private static final long RENEW_BEFORE_SECONDS = 60;

    private final Supplier<Issued> login;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.EPOCH;

    public RenewingServiceToken(Supplier<Issued> login) {
        this(login, Clock.systemUTC());
    }

    /**
     * The service account's login at member-service ({@code POST /auth/service-token}) through a load-balanced
     * RestTemplate (member-service found in Eureka).
     */
    public static RenewingServiceToken loggingInThrough(RestTemplate loadBalanced, String clientId,
                                                       String clientSecret) {
        return new RenewingServiceToken(() -> {
            JsonNode issued = loadBalanced.postForObject(URI.create("http://" + ServiceIds.MEMBER
                    + "/auth/service-token"), Map.of("clientId", clientId, "clientSecret", clientSecret),
                    JsonNode.class);
            return new Issued(issued == null ? null : issued.path("access_token").asText(null),
                    issued == null ? 0 : issued.path("expires_in").asLong());
        });
    }

    RenewingServiceToken(Supplier<Issued> login, Clock clock) {
        this.login = login;
        this.clock = clock;
    }

    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            Issued fresh = login.get();
            token = fresh.accessToken;
            renewAt = now.plusSeconds(Math.max(0, fresh.expiresInSeconds - RENEW_BEFORE_SECONDS));
        }
        return token;
    }

    /** After a 401: the token was refused (keys rotated, account changed); the next call logs in again. */
    public synchronized void forget() {
        token = null;
    }

    /** What a service-account login answered. */
    public static final class Issued {
        final String accessToken;
        final long expiresInSeconds;

        public Issued(String accessToken, long expiresInSeconds) {
            if (accessToken == null || accessToken.isEmpty()) {
                throw new IllegalStateException("member-service issued no service token");
            }
            this.accessToken = accessToken;
            this.expiresInSeconds = expiresInSeconds;
        }
    }
}

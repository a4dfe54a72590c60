package dev.msakit.order.client;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps one SERVICE token and renews it a minute before it expires, so internal calls do not each pay a login.
 */
@Component
public class ServiceTokenProvider {

    private static final long RENEW_BEFORE_SECONDS = 60;

    private final ServiceTokenClient client;
    private final ServiceClientProperties properties;
    private final Clock clock = Clock.systemUTC();

    private String token;
    private Instant renewAt = Instant.EPOCH;

    public ServiceTokenProvider(ServiceTokenClient client, ServiceClientProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            ServiceTokenClient.Token fresh = client.obtain(
                    new ServiceTokenClient.Credentials(properties.getId(), properties.getSecret()));
            token = fresh.getAccessToken();
            renewAt = now.plusSeconds(Math.max(0, fresh.getExpiresIn() - RENEW_BEFORE_SECONDS));
        }
        return token;
    }
}

package dev.msakit.order.client;

import dev.msakit.platform.client.RenewingServiceToken;
import org.springframework.stereotype.Component;

/** order-service's SERVICE token for its internal calls (renewed before it expires, see RenewingServiceToken). */
@Component
public class ServiceTokenProvider {

    private final RenewingServiceToken token;

    public ServiceTokenProvider(ServiceTokenClient client, ServiceClientProperties properties) {
        this.token = new RenewingServiceToken(() -> {
            ServiceTokenClient.Token fresh = client.obtain(
                    new ServiceTokenClient.Credentials(properties.getId(), properties.getSecret()));
            return new RenewingServiceToken.Issued(fresh.getAccessToken(), fresh.getExpiresIn());
        });
    }

    public String token() {
        return token.token();
    }
}

package dev.msakit.gateway.control;

import dev.msakit.platform.client.RenewingServiceToken;
import org.springframework.web.client.RestTemplate;

/** This gateway's SERVICE token from member-service's service-account login (renewed before it expires). */
public class ServiceTokens {

    private final RenewingServiceToken token;

    public ServiceTokens(RestTemplate loadBalanced, ControlPlaneProperties properties) {
        this.token = RenewingServiceToken.loggingInThrough(loadBalanced, properties.getClientId(),
                properties.getClientSecret());
    }

    public String token() {
        return token.token();
    }

    /** After a 401: the token was refused; the next call logs in again. */
    public void forget() {
        token.forget();
    }
}

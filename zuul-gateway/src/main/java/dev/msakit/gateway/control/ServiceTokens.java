package dev.msakit.gateway.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.msakit.contracts.ServiceIds;
import dev.msakit.platform.client.RenewingServiceToken;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.util.Map;

/** This gateway's SERVICE token from member-service's service-account login (renewed before it expires). */
public class ServiceTokens {

    private final RenewingServiceToken token;

    public ServiceTokens(RestTemplate loadBalanced, ControlPlaneProperties properties) {
        this.token = new RenewingServiceToken(() -> {
            JsonNode issued = loadBalanced.postForObject(URI.create("http://" + ServiceIds.MEMBER
                    + "/auth/service-token"), Map.of("clientId", properties.getClientId(), "clientSecret",
                    properties.getClientSecret()), JsonNode.class);
            return new RenewingServiceToken.Issued(issued == null ? null : issued.path("access_token").asText(null),
                    issued == null ? 0 : issued.path("expires_in").asLong());
        });
    }

    public String token() {
        return token.token();
    }

    /** After a 401: the token was refused; the next call logs in again. */
    public void forget() {
        token.forget();
    }
}

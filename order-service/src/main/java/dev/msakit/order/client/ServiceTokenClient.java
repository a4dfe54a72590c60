package dev.msakit.order.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.msakit.contracts.ServiceIds;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** member-service's service-account login. */
@FeignClient(name = ServiceIds.MEMBER, contextId = "serviceTokenClient")
public interface ServiceTokenClient {

    @PostMapping("/auth/service-token")
    Token obtain(@RequestBody Credentials credentials);

    class Credentials {
        private final String clientId;
        private final String clientSecret;

        public Credentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
        }

        public String getClientId() {
            return clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }
    }

    class Token {
        @JsonProperty("access_token")
        private String accessToken;
        @JsonProperty("expires_in")
        private long expiresIn;

        public String getAccessToken() {
            return accessToken;
        }

        public long getExpiresIn() {
            return expiresIn;
        }
    }
}

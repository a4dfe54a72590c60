package dev.msakit.member.api;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.Size;

public class ServiceTokenRequest {

    @NotBlank
    @Size(max = 64)
    private String clientId;

    @NotBlank
    @Size(max = 256)
    private String clientSecret;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }
}

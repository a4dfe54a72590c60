package dev.msakit.member.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.Pattern;

/** {"refresh_token": "..."}: named as in the token answer that handed it out. */
public class RefreshRequest {

    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "must be a refresh token as the login answered it")
    @JsonProperty("refresh_token")
    private String refreshToken;

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }
}

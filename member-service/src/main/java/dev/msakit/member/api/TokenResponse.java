package dev.msakit.member.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The OAuth2 token answer (RFC 6749 §5.1): {access_token, token_type, expires_in}, and for a member's login or
 * refresh also {refresh_token, refresh_expires_in}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TokenResponse {

    @JsonProperty("access_token")
    private final String accessToken;

    @JsonProperty("token_type")
    private final String tokenType = "Bearer";

    @JsonProperty("expires_in")
    private final long expiresIn;

    @JsonProperty("refresh_token")
    private final String refreshToken;

    @JsonProperty("refresh_expires_in")
    private final Long refreshExpiresIn;

    public TokenResponse(String accessToken, long expiresIn) {
        this(accessToken, expiresIn, null, null);
    }

    public TokenResponse(String accessToken, long expiresIn, String refreshToken, Long refreshExpiresIn) {
        this.accessToken = accessToken;
        this.expiresIn = expiresIn;
        this.refreshToken = refreshToken;
        this.refreshExpiresIn = refreshExpiresIn;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public String getTokenType() {
        return tokenType;
    }

    public long getExpiresIn() {
        return expiresIn;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public Long getRefreshExpiresIn() {
        return refreshExpiresIn;
    }
}

package dev.msakit.member.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.msakit.member.domain.Member;
import dev.msakit.member.domain.MemberService;
import dev.msakit.member.token.LoginAttempts;
import dev.msakit.member.token.RefreshTokens;
import dev.msakit.member.token.ServiceClients;
import dev.msakit.member.token.TokenIssuer;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;

@RestController
public class AuthController {

    private final MemberService members;
    private final TokenIssuer tokens;
    private final RefreshTokens refreshTokens;
    private final ServiceClients serviceClients;
    private final LoginAttempts loginAttempts;

    public AuthController(MemberService members, TokenIssuer tokens, RefreshTokens refreshTokens,
                          ServiceClients serviceClients, LoginAttempts loginAttempts) {
        this.members = members;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.serviceClients = serviceClients;
        this.loginAttempts = loginAttempts;
    }

    /**
     * A member's login: an access token and the first refresh token of a new session. Too many wrong passwords for
     * one account: 429 for a while (LoginAttempts).
     */
    @Operation(summary = "Log in with e-mail and password: an access token and a refresh token", responses = {
            @ApiResponse(responseCode = "200", description = "Tokens (Cache-Control: no-store)"),
            @ApiResponse(responseCode = "429", description = "Too many failed logins for this account")})
    @PostMapping("/auth/token")
    public ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        Member member = loginAttempts.member(request.getEmail(),
                () -> members.authenticate(request.getEmail(), request.getPassword()));
        return answer(member, refreshTokens.start(member.getId()));
    }

    /**
     * A new access token (with the member's roles as they are now) for a refresh token, which is used up: the
     * answer carries the next one. 401 for an invalid, expired, revoked or already used token.
     */
    @Operation(summary = "Trade a refresh token for new tokens (the one sent is used up)")
    @PostMapping("/auth/token/refresh")
    public ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        RefreshTokens.Redeemed redeemed = refreshTokens.redeem(request.getRefreshToken());
        return answer(members.get(redeemed.getMemberId()), redeemed.getNext());
    }

    /** Ends the refresh token's session; access tokens already issued expire on their own (TOKEN_TTL). */
    @Operation(summary = "End the session of a refresh token", responses = @ApiResponse(responseCode = "204",
            description = "Ended (also for an unknown token)"))
    @PostMapping("/auth/logout")
    public ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        refreshTokens.revoke(request.getRefreshToken());
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @Operation(summary = "A service account's token (services only; not routed by the gateway)")
    @PostMapping("/auth/service-token")
    public ResponseEntity<TokenResponse> serviceToken(@Valid @RequestBody ServiceTokenRequest request) {
        TokenIssuer.IssuedToken token = loginAttempts.serviceClient(request.getClientId(), () -> {
            serviceClients.authenticate(request.getClientId(), request.getClientSecret());
            return tokens.issueForService(request.getClientId());
        });
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.getValue(), token.getExpiresInSeconds()));
    }

    private ResponseEntity<TokenResponse> answer(Member member, TokenIssuer.IssuedToken refresh) {
        TokenIssuer.IssuedToken token = tokens.issue(member);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.getValue(), token.getExpiresInSeconds(), refresh.getValue(),
                        refresh.getExpiresInSeconds()));
    }
}

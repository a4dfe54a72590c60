package dev.msakit.member.api;

import com.nimbusds.jose.jwk.JWKSet;
import dev.msakit.member.domain.MemberService;
import dev.msakit.member.token.ServiceClients;
import dev.msakit.member.token.SigningKeys;
import dev.msakit.member.token.TokenIssuer;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import java.time.Duration;
import java.util.Map;

@RestController
public class AuthController {

    private final MemberService members;
    private final TokenIssuer tokens;
    private final SigningKeys keys;
    private final ServiceClients serviceClients;

    public AuthController(MemberService members, TokenIssuer tokens, SigningKeys keys, ServiceClients serviceClients) {
        this.members = members;
        this.tokens = tokens;
        this.keys = keys;
        this.serviceClients = serviceClients;
    }

    @PostMapping("/auth/token")
    public ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        TokenIssuer.IssuedToken token = tokens.issue(members.authenticate(request.getEmail(), request.getPassword()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.getValue(), token.getExpiresInSeconds()));
    }

    @PostMapping("/auth/service-token")
    public ResponseEntity<TokenResponse> serviceToken(@Valid @RequestBody ServiceTokenRequest request) {
        serviceClients.authenticate(request.getClientId(), request.getClientSecret());
        TokenIssuer.IssuedToken token = tokens.issueForService(request.getClientId());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.getValue(), token.getExpiresInSeconds()));
    }

    /** The public half of the signing key, for the gateway and the services to verify tokens with. */
    @GetMapping("/.well-known/jwks.json")
    public ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(new JWKSet(keys.current().toPublicJWK()).toJSONObject());
    }
}

package dev.msakit.member.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import dev.msakit.contracts.PublicApi;
import dev.msakit.contracts.Roles;
import dev.msakit.member.token.SigningKeys;
import dev.msakit.member.token.TokenProperties;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.platform.security.AccessTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a standard client needs to trust our tokens: the discovery document at the issuer URL (OpenID Connect
 * Discovery / RFC 8414 field names) and the key set it points to, plus the admin's key rotation.
 */
@RestController
public class IssuerController {

    /** RFC 7517 §8.5.1. */
    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final SigningKeys keys;
    private final TokenProperties properties;

    public IssuerController(SigningKeys keys, TokenProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    /**
     * The public halves of the signing keys: the current one, the next one (published before it signs) and
     * previous ones whose tokens have not all expired. Cached briefly: verifiers fetch again for an unknown key id.
     */
    @Operation(summary = "The public keys tokens are signed with (JWK set)")
    @GetMapping("/.well-known/jwks.json")
    public ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).contentType(JWK_SET)
                .body(new JWKSet(keys.published()).toJSONObject());
    }

    @Operation(summary = "The issuer's discovery document")
    @GetMapping(PublicApi.DISCOVERY)
    public ResponseEntity<Map<String, Object>> discovery() {
        String issuer = properties.getIssuer();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + "/.well-known/jwks.json");
        // A JSON login (e-mail and password in a JSON body), not an OAuth grant: the password grant is gone from
        // OAuth 2.1. Described here so clients find it; see the README.
        document.put("token_endpoint", issuer + "/auth/token");
        // No ID tokens are issued; OpenID's name for the signing algorithms is the one clients look for.
        document.put("id_token_signing_alg_values_supported", List.of(JWSAlgorithm.RS256.getName()));
        document.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "roles"));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .contentType(MediaType.APPLICATION_JSON).body(document);
    }

    /**
     * Starts a key rotation (ADMIN): a new key is published now and signs after the activation delay; tokens of
     * the current key stay valid until they expire. 202 with the new key's id and when it signs (the waiting key's,
     * if one is already waiting).
     */
    @Operation(summary = "Start a signing key rotation (ADMIN)", responses = @ApiResponse(responseCode = "202",
            description = "The next key: published now, signing from signsFrom"))
    @PostMapping("/auth/keys/rotation")
    public ResponseEntity<Map<String, Object>> rotate(@AuthenticationPrincipal Jwt jwt) {
        if (!AccessTokens.hasRole(jwt, Roles.ADMIN)) {
            throw ApiException.forbidden("Only an admin may rotate the token signing keys");
        }
        SigningKeys.Rotation rotation;
        try {
            rotation = keys.rotate();
        } catch (IllegalStateException configured) {
            throw ApiException.conflict(configured.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kid", rotation.getKid());
        body.put("signsFrom", rotation.getSignsFrom().toString());
        body.put("new", rotation.isNew());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }
}

package dev.msakit.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.msakit.contracts.TokenClaims;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access tokens as an outside client meets them: the discovery document at the issuer URL, the key set it names,
 * RFC 9068's claims checked by panva/jose (a JOSE library nobody on the project wrote, run by Node), service tokens
 * kept out of the public API, and a signing key rotation that no verifier notices.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class TokensIT {

    private boolean node;

    private Suite suite;
    private Scenario scenario;
    private String api;

    @BeforeAll
    void useSuite(Suite suite) throws Exception {
        this.suite = suite;
        scenario = new Scenario(suite);
        api = suite.gatewayUrl() + "/api";
        node = StandardClients.available();
    }

    @Test
    void theIssuerUrlLeadsToTheDiscoveryDocumentAndTheKeys() throws Exception {
        Http.Response discovery = Http.get(api + "/.well-known/openid-configuration", null);
        assertThat(discovery.status).as(discovery.body).isEqualTo(200);
        JsonNode document = discovery.json();
        assertThat(document.path("issuer").asText()).isEqualTo(api);
        assertThat(document.path("token_endpoint").asText()).isEqualTo(api + "/auth/token");
        assertThat(document.path("jwks_uri").asText()).isEqualTo(api + "/.well-known/jwks.json");

        Http.Response keys = Http.get(document.path("jwks_uri").asText(), null);
        assertThat(keys.status).isEqualTo(200);
        assertThat(keys.header("Content-Type")).startsWith("application/jwk-set+json");
        for (JsonNode key : keys.json().path("keys")) {
            assertThat(key.path("use").asText()).isEqualTo("sig");
            assertThat(key.path("alg").asText()).isEqualTo("RS256");
            assertThat(key.has("d")).as("no private part").isFalse();
        }
        assertThat(Http.delete(api + "/.well-known/openid-configuration", null).header("Allow"))
                .isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void aJoseLibraryVerifiesAMembersTokenFromTheIssuerUrlAlone() throws Exception {
        assumeNode();
        String token = scenario.newMemberToken();
        JsonNode verified = verify(token, TokenClaims.AUDIENCE_API);
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("payload").path("aud").asText()).isEqualTo(TokenClaims.AUDIENCE_API);
        assertThat(verified.path("payload").path("client_id").asText()).isEqualTo(TokenClaims.MEMBER_CLIENT);
        // The same library refuses it for an audience it was not issued to.
        JsonNode elsewhere = verify(token, TokenClaims.AUDIENCE_SERVICES);
        assertThat(elsewhere.path("ok").asBoolean()).isFalse();
        assertThat(elsewhere.path("code").asText()).isEqualTo("ERR_JWT_CLAIM_VALIDATION_FAILED");
    }

    @Test
    void aSessionIsRefreshedAndEndedThroughTheGateway() {
        String email = scenario.newMember();
        Http.Response login = Http.post(api + "/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + Scenario.MEMBER_PASSWORD + "\"}");
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        String refreshToken = login.json().path("refresh_token").asText();

        Http.Response refreshed = Http.post(api + "/auth/token/refresh", null,
                "{\"refresh_token\":\"" + refreshToken + "\"}");
        assertThat(refreshed.status).as(refreshed.body).isEqualTo(200);
        String next = refreshed.json().path("refresh_token").asText();
        assertThat(Http.get(api + "/members/me", refreshed.json().path("access_token").asText()).status)
                .isEqualTo(200);

        assertThat(Http.post(api + "/auth/logout", null, "{\"refresh_token\":\"" + next + "\"}").status)
                .isEqualTo(204);
        Http.Response afterLogout = Http.post(api + "/auth/token/refresh", null,
                "{\"refresh_token\":\"" + next + "\"}");
        assertThat(afterLogout.status).isEqualTo(401);
        assertThat(Http.get(api + "/auth/logout", null).header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void aServiceAccountsTokenOpensNoPublicRoute() {
        Http.Response issued = Http.post(suite.member.url() + "/auth/service-token", null,
                "{\"clientId\":\"order-service\",\"clientSecret\":\"system-test-order-service-secret\"}");
        assertThat(issued.status).as(issued.body).isEqualTo(200);
        String serviceToken = issued.json().path("access_token").asText();

        Http.Response refused = Http.get(api + "/orders", serviceToken);
        assertThat(refused.status).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(Http.get(api + "/products", serviceToken).status).as("not even a public read").isEqualTo(401);
    }

    @Test
    void aKeyRotationGoesUnnoticedByTheGatewayTheServicesAndAJoseLibrary() throws Exception {
        String admin = scenario.adminToken();
        String member = scenario.newMemberToken();
        String before = SignedJWT.parse(member).getHeader().getKeyID();

        assertThat(Http.post(api + "/auth/keys/rotation", member, "").status).isEqualTo(403);
        Http.Response rotation = Http.post(api + "/auth/keys/rotation", admin, "");
        assertThat(rotation.status).as(rotation.body).isEqualTo(202);
        String next = rotation.json().path("kid").asText();
        Instant signsFrom = Instant.parse(rotation.json().path("signsFrom").asText());
        assertThat(next).isNotEqualTo(before);
        assertThat(Http.get(api + "/.well-known/jwks.json", null).body).contains(next).contains(before);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), signsFrom).toMillis()) + 1_500);
        String rotated = scenario.newMemberToken();
        assertThat(SignedJWT.parse(rotated).getHeader().getKeyID()).isEqualTo(next);

        // Gateway and order-service verify both (the new key fetched for its unknown id, no restart); the member
        // token of the old key is still good until it expires.
        for (String token : List.of(member, rotated)) {
            Http.Response orders = Http.get(api + "/orders", token);
            assertThat(orders.status).as(orders.body).isEqualTo(200);
            assertThat(Http.get(api + "/members/me", token).status).isEqualTo(200);
        }
        if (node) {
            JsonNode verified = verify(rotated, TokenClaims.AUDIENCE_API);
            assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.path("kid").asText()).isEqualTo(next);
        }
    }

    private JsonNode verify(String token, String audience) throws Exception {
        String out = StandardClients.run(List.of("node", "verify-token.mjs", api, audience), token,
                Duration.ofSeconds(30)).output;
        return Http.JSON.readTree(out.lines().reduce((first, last) -> last).orElse("{}"));
    }

    private void assumeNode() {
        Assumptions.assumeTrue(node, "node and npm are not installed (set MSA_REQUIRE_NODE=1 to fail)");
    }
}

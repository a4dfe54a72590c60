package dev.msakit.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.msakit.contracts.TokenClaims;
import dev.msakit.platform.security.PlatformJwtDecoders;
import dev.msakit.platform.testing.jwt.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = {"ADMIN_EMAIL=root@example.com", "ADMIN_PASSWORD=root-password",
        "ORDER_SERVICE_CLIENT_SECRET=s3rvice-secret"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MemberApiTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;

    @Test
    void rejectsInvalidSignUpWithFieldErrors() throws Exception {
        mvc.perform(post("/members").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\",\"password\":\"short\",\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("email")))
                .andExpect(jsonPath("$.detail", containsString("password must have between 8 and 72 characters")))
                .andExpect(jsonPath("$.errors.length()").value(3));
    }

    @Test
    void rejectsAPasswordLongerThanBcryptReadsInBytes() throws Exception {
        // 40 characters, 80 bytes: BCrypt would only ever compare the first 72.
        mvc.perform(post("/members").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + unique() + "\",\"password\":\"" + "é".repeat(40)
                                + "\",\"name\":\"Long\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("at most 72 bytes")));
        mvc.perform(post("/members").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + unique() + "\",\"password\":\"" + "é".repeat(36)
                                + "\",\"name\":\"Long\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void rejectsMalformedJsonWithoutLeakingInternals() throws Exception {
        mvc.perform(post("/members").contentType(MediaType.APPLICATION_JSON).content("{\"email\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Request body is missing or is not valid JSON"));
    }

    @Test
    void rejectsDuplicateEmailRegardlessOfCase() throws Exception {
        String email = unique();
        signUp(email);
        mvc.perform(post("/members").contentType(MediaType.APPLICATION_JSON)
                        .content(body(email.toUpperCase(), "password-123", "Twin")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409));
    }

    @Test
    void issuesTokenVerifiableWithPublishedKeys() throws Exception {
        String email = unique();
        long id = signUp(email);
        String token = login(email, "password-123");

        String jwks = mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk())
                .andExpect(content().contentType("application/jwk-set+json"))
                .andReturn().getResponse().getContentAsString();
        RSAKey key = JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        Jwt jwt = PlatformJwtDecoders.fromPublicKey(key.toRSAPublicKey(), TokenClaims.ISSUER,
                List.of(TokenClaims.AUDIENCE_API)).decode(token);
        assertThat(jwt.getSubject()).isEqualTo(Long.toString(id));
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MEMBER");
        // RFC 9068: typ at+jwt, aud, client_id, jti, iat.
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", key.getKeyID())
                .containsEntry("typ", "at+jwt");
        assertThat(jwt.getAudience()).containsExactly(TokenClaims.AUDIENCE_API);
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo(TokenClaims.MEMBER_CLIENT);
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getIssuedAt()).isNotNull();
    }

    @Test
    void publishesADiscoveryDocumentAtTheIssuerUrl() throws Exception {
        mvc.perform(get("/.well-known/openid-configuration")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.issuer").value(TokenClaims.ISSUER))
                .andExpect(jsonPath("$.jwks_uri").value(TokenClaims.ISSUER + "/.well-known/jwks.json"))
                .andExpect(jsonPath("$.token_endpoint").value(TokenClaims.ISSUER + "/auth/token"))
                .andExpect(jsonPath("$.id_token_signing_alg_values_supported[0]").value("RS256"));
    }

    @Test
    void rejectsWrongPasswordWithoutSayingWhichPartWasWrong() throws Exception {
        String email = unique();
        signUp(email);
        mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Email or password is wrong"));
        mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"nobody-" + email + "\",\"password\":\"wrong-password\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Email or password is wrong"));
    }

    @Test
    void memberReadsOwnRecordButNotAnothers() throws Exception {
        String email = unique();
        long id = signUp(email);
        long other = signUp(unique());
        String token = login(email, "password-123");

        mvc.perform(get("/members/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        mvc.perform(get("/members/" + id).header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/members/" + other).header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
    }

    @Test
    void adminFromEnvironmentReadsAnyMember() throws Exception {
        long id = signUp(unique());
        String adminToken = login("root@example.com", "root-password");
        mvc.perform(get("/members/" + id).header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk());
    }

    @Test
    void refusesMissingAndForeignTokens() throws Exception {
        mvc.perform(get("/members/me")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/members/me").header("Authorization", "Bearer " + TestTokens.signedByStranger(1)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/members/me").header("Authorization", "Bearer " + TestTokens.unsigned(1)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void serviceAccountGetsServiceTokenOnlyWithItsSecret() throws Exception {
        String body = mvc.perform(post("/auth/service-token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientId\":\"order-service\",\"clientSecret\":\"s3rvice-secret\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String token = json.readTree(body).get("access_token").asText();
        String jwks = mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString();
        Jwt jwt = PlatformJwtDecoders.fromPublicKey(JWKSet.parse(jwks).getKeys().get(0).toRSAKey().toRSAPublicKey(),
                TokenClaims.ISSUER, List.of(TokenClaims.AUDIENCE_SERVICES)).decode(token);
        assertThat(jwt.getSubject()).isEqualTo("order-service");
        assertThat(jwt.getAudience()).containsExactly(TokenClaims.AUDIENCE_SERVICES);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SERVICE");

        mvc.perform(post("/auth/service-token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientId\":\"order-service\",\"clientSecret\":\"guess\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/auth/service-token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientId\":\"nobody\",\"clientSecret\":\"s3rvice-secret\"}"))
                .andExpect(status().isUnauthorized());
        // A service token names no member.
        mvc.perform(get("/members/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void actuatorBeyondHealthNeedsTheActuatorAccount() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        String adminToken = login("root@example.com", "root-password");
        mvc.perform(get("/actuator/env").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics").with(httpBasic("actuator", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics").with(httpBasic("actuator", "test-actuator-secret")))
                .andExpect(status().isOk());
    }

    private long signUp(String email) throws Exception {
        MvcResult result = mvc.perform(post("/members").contentType(MediaType.APPLICATION_JSON)
                        .content(body(email, "password-123", "Kim")))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asLong();
    }

    private String login(String email, String password) throws Exception {
        MvcResult result = mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(900))
                .andReturn();
        JsonNode node = json.readTree(result.getResponse().getContentAsString());
        return node.get("access_token").asText();
    }

    private static String body(String email, String password, String name) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"" + name + "\"}";
    }

    private static String unique() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}

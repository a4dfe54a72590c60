package dev.msakit.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.msakit.platform.security.PlatformJwtDecoders;
import dev.msakit.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
                .andReturn().getResponse().getContentAsString();
        RSAKey key = JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        Jwt jwt = PlatformJwtDecoders.fromPublicKey(key.toRSAPublicKey(), "msa-kit").decode(token);
        assertThat(jwt.getSubject()).isEqualTo(Long.toString(id));
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MEMBER");
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", key.getKeyID());
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
                "msa-kit").decode(token);
        assertThat(jwt.getSubject()).isEqualTo("order-service");
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

package dev.msakit.member;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.msakit.member.token.SigningKeys;
import dev.msakit.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A key rotation as the issuer lives it, on a clock the test moves: the next key is published before it signs, the
 * previous one keeps verifying until the last token it signed has expired, then leaves the key set.
 */
@SpringBootTest(properties = {"ADMIN_EMAIL=keys@example.com", "ADMIN_PASSWORD=keys-admin-password",
        "TOKEN_TTL=15m", "TOKEN_KEY_ACTIVATION_DELAY=60s", "TOKEN_KEY_ROTATION_INTERVAL=30d",
        // Maintenance runs when the test says so, not on the schedule.
        "TOKEN_KEY_CHECK_INTERVAL_MS=3600000"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Config.class)
class KeyRotationTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private SigningKeys keys;
    @Autowired
    private MovableClock clock;

    @Test
    void tokensOfThePreviousKeyStayValidUntilTheyExpireAndTheNextKeyIsKnownBeforeItSigns() throws Exception {
        String before = login();
        String first = keyId(before);
        assertThat(publishedKeyIds()).containsExactly(first);

        // A member may not rotate; an admin may.
        String member = signUpAndLogin();
        mvc.perform(post("/auth/keys/rotation").header("Authorization", "Bearer " + member))
                .andExpect(status().isForbidden());
        mvc.perform(post("/auth/keys/rotation")).andExpect(status().isUnauthorized());
        // The schedule makes the next key ahead; the rotation publishes that one and leaves none made ahead.
        keys.maintain();
        String madeAhead = keys.nextKeyId().orElseThrow();
        String rotation = mvc.perform(post("/auth/keys/rotation").header("Authorization", "Bearer " + before))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String next = json.readTree(rotation).get("kid").asText();
        assertThat(next).isEqualTo(madeAhead);
        assertThat(keys.nextKeyId()).isEmpty();
        assertThat(Instant.parse(json.readTree(rotation).get("signsFrom").asText()))
                .isEqualTo(clock.instant().plus(Duration.ofSeconds(60)).truncatedTo(ChronoUnit.MILLIS));
        // Asked again while it waits: the same key, no third one.
        String again = mvc.perform(post("/auth/keys/rotation").header("Authorization", "Bearer " + before))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(again).get("kid").asText()).isEqualTo(next);
        assertThat(json.readTree(again).get("new").asBoolean()).isFalse();

        // Published at once, not signing yet.
        assertThat(publishedKeyIds()).containsExactlyInAnyOrder(first, next);
        assertThat(keyId(login())).isEqualTo(first);

        clock.advance(Duration.ofSeconds(61));
        keys.maintain();
        assertThat(keys.nextKeyId()).as("a fresh key made ahead for the rotation after").get()
                .isNotIn(first, next);
        String after = login();
        assertThat(keyId(after)).isEqualTo(next);
        // Both verify: the old token was issued before the rotation and has not expired.
        assertThat(publishedKeyIds()).containsExactlyInAnyOrder(first, next);
        mvc.perform(get("/members/me").header("Authorization", "Bearer " + before)).andExpect(status().isOk());
        mvc.perform(get("/members/me").header("Authorization", "Bearer " + after)).andExpect(status().isOk());

        // Token lifetime + skew after the switch, the first key leaves the set and its tokens are refused.
        clock.advance(Duration.ofMinutes(15).plus(SigningKeys.CLOCK_SKEW).plusSeconds(1));
        keys.maintain();
        assertThat(publishedKeyIds()).containsExactly(next);
        mvc.perform(get("/members/me").header("Authorization", "Bearer " + after)).andExpect(status().isOk());
        mvc.perform(get("/members/me").header("Authorization", "Bearer " + before))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aKeyOlderThanTheRotationIntervalIsRotatedByTheSchedule() throws Exception {
        List<String> published = publishedKeyIds();
        clock.advance(Duration.ofDays(31));
        keys.maintain();
        List<String> afterwards = publishedKeyIds();
        assertThat(afterwards).hasSize(published.size() + 1).containsAll(published);
        keys.maintain();
        assertThat(publishedKeyIds()).as("no second rotation while one waits").isEqualTo(afterwards);
    }

    private String login() throws Exception {
        return token("keys@example.com", "keys-admin-password");
    }

    private String signUpAndLogin() throws Exception {
        String email = "member-" + System.nanoTime() + "@example.com";
        mvc.perform(post("/members").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"password-123\",\"name\":\"M\"}"))
                .andExpect(status().isCreated());
        return token(email, "password-123");
    }

    private String token(String email, String password) throws Exception {
        String body = mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("access_token").asText();
    }

    private static String keyId(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private List<String> publishedKeyIds() throws Exception {
        String body = mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString();
        return JWKSet.parse(body).getKeys().stream().map(key -> key.getKeyID()).collect(Collectors.toList());
    }
}

package dev.msakit.member;

import dev.msakit.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Password guessing against one account, from anywhere: a few tries per window, then 429 until it ends. */
@SpringBootTest(properties = {"LOGIN_MAX_FAILURES=3", "LOGIN_FAILURE_WINDOW=10m",
        "ORDER_SERVICE_CLIENT_SECRET=throttle-test-secret"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Config.class)
class LoginThrottleTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private MovableClock clock;

    @Test
    void anAccountWithTooManyWrongPasswordsIsRefusedUntilTheWindowEndsEvenWithTheRightOne() throws Exception {
        String email = signUp();
        for (int i = 0; i < 3; i++) {
            login(email, "wrong-password").andExpect(status().isUnauthorized());
        }
        String retryAfter = login(email, "password-123").andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getHeader("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(590L, 600L);
        // Another account is not affected, and the same address is not the point.
        String other = signUp();
        login(other, "password-123").andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        login(email, "password-123").andExpect(status().isOk());
    }

    @Test
    void aSuccessfulLoginClearsTheCount() throws Exception {
        String email = signUp();
        login(email, "wrong-password").andExpect(status().isUnauthorized());
        login(email, "wrong-password").andExpect(status().isUnauthorized());
        login(email, "password-123").andExpect(status().isOk());
        login(email, "wrong-password").andExpect(status().isUnauthorized());
        login(email, "wrong-password").andExpect(status().isUnauthorized());
        login(email, "password-123").andExpect(status().isOk());
    }

    @Test
    void anUnknownAccountIsThrottledTheSameWaySoTheAnswerRevealsNothing() throws Exception {
        String nobody = "nobody-" + System.nanoTime() + "@example.com";
        for (int i = 0; i < 3; i++) {
            login(nobody, "wrong-password").andExpect(status().isUnauthorized());
        }
        login(nobody, "wrong-password").andExpect(status().isTooManyRequests());
    }

    @Test
    void aServiceClientsSecretIsThrottledToo() throws Exception {
        for (int i = 0; i < 3; i++) {
            serviceToken("guess-" + i).andExpect(status().isUnauthorized());
        }
        serviceToken("throttle-test-secret").andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofMinutes(11));
        serviceToken("throttle-test-secret").andExpect(status().isOk());
    }

    private String signUp() throws Exception {
        String email = "throttle-" + System.nanoTime() + "@example.com";
        mvc.perform(post("/members").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"password-123\",\"name\":\"T\"}"))
                .andExpect(status().isCreated());
        return email;
    }

    private ResultActions login(String email, String password) throws Exception {
        return mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    }

    private ResultActions serviceToken(String secret) throws Exception {
        return mvc.perform(post("/auth/service-token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientId\":\"order-service\",\"clientSecret\":\"" + secret + "\"}"));
    }
}

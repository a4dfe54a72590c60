package dev.msakit.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sessions: a login's refresh token is used up by each refresh, a stolen copy ends the session, logout too. */
@SpringBootTest(properties = "REFRESH_TOKEN_TTL=2h")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RefreshTokenTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;

    @Test
    void aRefreshHandsOutANewAccessTokenAndTheNextRefreshToken() throws Exception {
        JsonNode login = login();
        assertThat(login.path("refresh_expires_in").asLong()).isEqualTo(7200);
        JsonNode refreshed = body(refresh(login.path("refresh_token").asText()).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store")));
        assertThat(refreshed.path("refresh_token").asText()).isNotEqualTo(login.path("refresh_token").asText());
        assertThat(refreshed.path("access_token").asText()).isNotEqualTo(login.path("access_token").asText());
        mvc.perform(get("/members/me").header("Authorization", "Bearer " + refreshed.path("access_token").asText()))
                .andExpect(status().isOk());
        // And the next one works in turn.
        refresh(refreshed.path("refresh_token").asText()).andExpect(status().isOk());
    }

    @Test
    void aUsedRefreshTokenShownAgainRevokesTheWholeSession() throws Exception {
        JsonNode login = login();
        String first = login.path("refresh_token").asText();
        String second = body(refresh(first).andExpect(status().isOk())).path("refresh_token").asText();

        // Someone replays the first one (a stolen copy, or the thief was first): both lose the session.
        refresh(first).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("already used")));
        refresh(second).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("log in again")));
        // Another login is another session, untouched.
        refresh(login().path("refresh_token").asText()).andExpect(status().isOk());
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        String token = login().path("refresh_token").asText();
        mvc.perform(post("/auth/logout").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refresh_token\":\"" + token + "\"}"))
                .andExpect(status().isNoContent());
        refresh(token).andExpect(status().isUnauthorized());
        // Unknown tokens: nothing to end, no error (RFC 7009), so logout reveals nothing.
        mvc.perform(post("/auth/logout").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refresh_token\":\"" + "A".repeat(43) + "\"}"))
                .andExpect(status().isNoContent());
    }

    @Test
    void nonsenseIsABadRequestAndUnknownTokensAreRefused() throws Exception {
        refresh("not a token").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("must be a refresh token")));
        mvc.perform(post("/auth/token/refresh").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        refresh("B".repeat(43)).andExpect(status().isUnauthorized());
    }

    private JsonNode login() throws Exception {
        String email = "session-" + System.nanoTime() + "@example.com";
        mvc.perform(post("/members").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"password-123\",\"name\":\"S\"}"))
                .andExpect(status().isCreated());
        return body(mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"password-123\"}"))
                .andExpect(status().isOk()));
    }

    private ResultActions refresh(String token) throws Exception {
        return mvc.perform(post("/auth/token/refresh").contentType(MediaType.APPLICATION_JSON)
                .content("{\"refresh_token\":\"" + token + "\"}"));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

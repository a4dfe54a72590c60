package dev.msakit.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class RequestGuardFilterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final RequestGuardFilter guard = new RequestGuardFilter(json, 1024, 4096);

    @Test
    void aFirewallRejectionIsABadRequestProblem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/products/..;/internal/reservations");
        MockHttpServletResponse response = new MockHttpServletResponse();

        guard.doFilter(request, response, (req, res) -> {
            throw new RequestRejectedException("The request was rejected because the URL contained \";\"");
        });

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("detail").asText()).startsWith("The request was rejected");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413UnreadWhetherItsLengthIsAnnouncedOrNot() throws Exception {
        AtomicBoolean reached = new AtomicBoolean();
        MockHttpServletRequest announced = new MockHttpServletRequest("POST", "/members");
        announced.setContent(new byte[2048]);
        MockHttpServletResponse refused = new MockHttpServletResponse();
        guard.doFilter(announced, refused, (req, res) -> reached.set(true));
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(json.readTree(refused.getContentAsString()).path("detail").asText()).contains("larger than 1 KB");

        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/members") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.addHeader("Transfer-Encoding", "chunked");
        chunked.setContent(new byte[2048]);
        MockHttpServletResponse alsoRefused = new MockHttpServletResponse();
        guard.doFilter(chunked, alsoRefused, (req, res) -> reached.set(true));
        assertThat(alsoRefused.getStatus()).isEqualTo(413);
        assertThat(reached).isFalse();

        MockHttpServletRequest small = new MockHttpServletRequest("POST", "/members") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        small.addHeader("Transfer-Encoding", "chunked");
        small.setContent("{\"name\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        guard.doFilter(small, new MockHttpServletResponse(), (req, res) ->
                assertThat(new String(req.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo("{\"name\":\"x\"}"));
    }

    @Test
    void anOverlongIfNoneMatchNeverReachesTheApplication() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/products/1");
        request.addHeader("If-None-Match", "\"a\", ".repeat(400));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean reached = new AtomicBoolean();

        guard.doFilter(request, response, (req, res) -> reached.set(true));

        assertThat(reached).isFalse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsString()).path("detail").asText()).contains("If-None-Match");

        MockHttpServletRequest ordinary = new MockHttpServletRequest("GET", "/products/1");
        ordinary.addHeader("If-None-Match", "\"0a1b2c3d4e5f\"");
        guard.doFilter(ordinary, new MockHttpServletResponse(), (req, res) -> reached.set(true));
        assertThat(reached).isTrue();
    }
}

package dev.msakit.gateway.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.PublicApi;
import dev.msakit.platform.security.PublicPaths;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PublicOnlyMethodFilterTest {

    private final PublicOnlyMethodFilter filter = new PublicOnlyMethodFilter(
            PublicPaths.parse(PublicApi.anonymousOnlyAtGateway("/api")), new ObjectMapper());

    private MockHttpServletResponse call(String method, String path, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest(method, path), response, chain);
        return response;
    }

    @Test
    void wrongMethodOnTheLoginIs405WithAllowAndNeverReachesZuul() throws Exception {
        for (String method : new String[]{"GET", "PUT", "DELETE", "PATCH"}) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = call(method, "/api/auth/token", chain);
            assertThat(response.getStatus()).as(method).isEqualTo(405);
            assertThat(response.getHeader("Allow")).isEqualTo("POST, OPTIONS");
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains("\"status\":405").contains("use POST");
            assertThat(chain.getRequest()).as("not passed on").isNull();
        }
    }

    @Test
    void theKeySetAllowsGetAndHead() throws Exception {
        MockHttpServletResponse response = call("DELETE", "/api/.well-known/jwks.json", new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        MockFilterChain head = new MockFilterChain();
        call("HEAD", "/api/.well-known/jwks.json", head);
        assertThat(head.getRequest()).isNotNull();
    }

    @Test
    void rightMethodsPreflightsAndOtherPathsPassOn() throws Exception {
        for (String[] request : new String[][]{{"POST", "/api/auth/token"}, {"OPTIONS", "/api/auth/token"},
            {"PUT", "/api/products/1"}, {"DELETE", "/api/orders/1"}}) {
            MockFilterChain chain = new MockFilterChain();
            call(request[0], request[1], chain);
            assertThat(chain.getRequest()).as(request[0] + " " + request[1]).isNotNull();
        }
    }
}

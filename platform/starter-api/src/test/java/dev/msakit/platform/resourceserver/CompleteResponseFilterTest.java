package dev.msakit.platform.resourceserver;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CompleteResponseFilterTest {

    private static final String BODY = "{\"content\":[{\"id\":1,\"name\":\"Mug\"}]}";

    private MockHttpServletResponse get(String ifNoneMatch, String etagSetByController) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/products");
        if (ifNoneMatch != null) {
            request.addHeader("If-None-Match", ifNoneMatch);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new CompleteResponseFilter().doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                if (etagSetByController != null) {
                    resp.setHeader("ETag", etagSetByController);
                }
                resp.setContentType("application/json");
                resp.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
            }
        }));
        return response;
    }

    @Test
    void answersInOneWriteWithAWeakETagSoTheGatewayMayCompressIt() throws Exception {
        MockHttpServletResponse response = get(null, null);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentLength()).isEqualTo(BODY.length());
        assertThat(response.getHeader("ETag")).matches("W/\"[0-9a-f]+\"");
    }

    @Test
    void revalidationWithTheWeakETagAnswersNotModified() throws Exception {
        String etag = get(null, null).getHeader("ETag");
        MockHttpServletResponse again = get(etag, null);
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
    }

    @Test
    void anETagTheControllerSetIsKeptAsItIs() throws Exception {
        assertThat(get(null, "\"17\"").getHeader("ETag")).isEqualTo("\"17\"");
    }
}

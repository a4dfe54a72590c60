package dev.msakit.platform.tracing;

import brave.propagation.B3Propagation;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import javax.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class IncomingTraceContextFilterTest {

    /** The keys B3 propagation reads, as the tracer in a service gives them. */
    private final IncomingTraceContextFilter filter =
            new IncomingTraceContextFilter(B3Propagation.FACTORY.get().keys());

    @Test
    void everyB3HeaderIsHiddenWhateverItsCaseAndTheOthersStay() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/products/1");
        request.addHeader("x-b3-traceid", "463ac35c9f6413ad48485a3953bb6124");
        request.addHeader("X-B3-SpanId", "a2fb4a1d1a96d312");
        request.addHeader("X-B3-SAMPLED", "1");
        request.addHeader("X-B3-Flags", "1");
        request.addHeader("B3", "463ac35c9f6413ad48485a3953bb6124-a2fb4a1d1a96d312-1");
        request.addHeader("Authorization", "Bearer x");
        request.addHeader("Accept", "application/json");

        HttpServletRequest seen = passedOn(request);

        for (String header : new String[] {"X-B3-TraceId", "x-b3-spanid", "X-B3-Sampled", "X-B3-Flags", "b3"}) {
            assertThat(seen.getHeader(header)).as(header).isNull();
            assertThat(Collections.list(seen.getHeaders(header))).as(header).isEmpty();
            assertThat(seen.getIntHeader(header)).as(header).isEqualTo(-1);
        }
        assertThat(Collections.list(seen.getHeaderNames())).containsExactlyInAnyOrder("Authorization", "Accept");
        assertThat(seen.getHeader("authorization")).isEqualTo("Bearer x");
    }

    @Test
    void aRequestWithoutTraceHeadersIsPassedOnAsItIs() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/products/1");
        request.addHeader("Accept", "application/json");

        assertThat(passedOn(request)).isSameAs(request);
    }

    private HttpServletRequest passedOn(MockHttpServletRequest request) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }
}

package dev.msakit.platform.client;

import com.netflix.hystrix.exception.HystrixRuntimeException;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.platform.problem.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class DownstreamProblemHandlerTest {

    private final DownstreamProblemHandler handler = new DownstreamProblemHandler();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");

    /** What a fallback says reaches the client whole, Retry-After included (a 503 without it makes clients guess). */
    @Test
    void aFallbacksProblemKeepsItsRetryAfter() {
        HystrixRuntimeException failed = new HystrixRuntimeException(HystrixRuntimeException.FailureType.TIMEOUT,
                com.netflix.hystrix.HystrixCommand.class, "timed out", new IOException("slow"),
                new AssertionError(ApiException.serviceUnavailable("product-service")));

        ResponseEntity<Problem> answer = handler.hystrix(failed, request);

        assertThat(answer.getStatusCodeValue()).isEqualTo(503);
        assertThat(answer.getBody().getDetail()).isEqualTo("product-service is unavailable; please retry later");
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }

    @Test
    void aFailureWithoutFallbackIsA503WithRetryAfterToo() {
        HystrixRuntimeException failed = new HystrixRuntimeException(HystrixRuntimeException.FailureType.SHORTCIRCUIT,
                com.netflix.hystrix.HystrixCommand.class, "open", (Exception) null, null);

        ResponseEntity<Problem> answer = handler.hystrix(failed, request);

        assertThat(answer.getStatusCodeValue()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }
}

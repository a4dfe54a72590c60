package dev.msakit.gateway.fallback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.problem.Problem;
import dev.msakit.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.netflix.zuul.filters.route.FallbackProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * What the client gets when a routed service cannot answer (no instance, refused, timed out, circuit open):
 * a 503 problem naming the service, instead of Zuul's 500 "GENERAL" error. One provider for every route ("*"):
 * Zuul hands it the route's service id, so a new service needs no fallback of its own.
 */
public class ServiceUnavailableFallback implements FallbackProvider {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFallback.class);

    private final ObjectMapper objectMapper;

    public ServiceUnavailableFallback(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public String getRoute() {
        return "*";
    }

    @Override
    public ClientHttpResponse fallbackResponse(String serviceId, Throwable cause) {
        log.warn("Route to {} failed: {}", serviceId, cause == null ? "unknown" : cause.toString());
        Problem problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                serviceId + " is unavailable; please retry later", null);
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new ClientHttpResponse() {
            @Override
            public HttpStatus getStatusCode() {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }

            @Override
            public int getRawStatusCode() {
                return HttpStatus.SERVICE_UNAVAILABLE.value();
            }

            @Override
            public String getStatusText() {
                return HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase();
            }

            @Override
            public void close() {
                // Nothing to release: the body is in memory.
            }

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(Problems.PROBLEM_JSON);
                headers.set(HttpHeaders.RETRY_AFTER, "5");
                return headers;
            }
        };
    }
}

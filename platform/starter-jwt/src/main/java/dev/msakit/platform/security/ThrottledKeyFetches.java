package dev.msakit.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most one JWK set download per interval. The decoder downloads the set again whenever a token names a key id it
 * does not know, so a stream of tokens with made-up key ids would otherwise turn every request into a download from
 * member-service. Within the interval the last set fetched is answered again; a key rotated in at the issuer is
 * picked up at most one interval later.
 */
public class ThrottledKeyFetches implements ClientHttpRequestInterceptor {

    private final Duration interval;
    private final Clock clock;
    private Cached last;

    public ThrottledKeyFetches(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public synchronized ClientHttpResponse intercept(HttpRequest request, byte[] body,
                                                     ClientHttpRequestExecution execution) throws IOException {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.fetchedAt.plus(interval))) {
            return last.replay();
        }
        try (ClientHttpResponse response = execution.execute(request, body)) {
            byte[] bytes = StreamUtils.copyToByteArray(response.getBody());
            Cached fetched = new Cached(response.getStatusCode(), response.getHeaders(), bytes, now);
            if (response.getStatusCode().is2xxSuccessful()) {
                last = fetched;
            }
            return fetched.replay();
        }
    }

    private static final class Cached {
        final HttpStatus status;
        final HttpHeaders headers;
        final byte[] body;
        final Instant fetchedAt;

        Cached(HttpStatus status, HttpHeaders headers, byte[] body, Instant fetchedAt) {
            this.status = status;
            this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
            this.body = body;
            this.fetchedAt = fetchedAt;
        }

        ClientHttpResponse replay() {
            return new ClientHttpResponse() {
                @Override
                public HttpStatus getStatusCode() {
                    return status;
                }

                @Override
                public int getRawStatusCode() {
                    return status.value();
                }

                @Override
                public String getStatusText() {
                    return status.getReasonPhrase();
                }

                @Override
                public void close() {
                }

                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    return headers;
                }
            };
        }
    }
}

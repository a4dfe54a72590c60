package dev.msakit.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/** A small JSON-over-HTTP client for the tests: real sockets, no Spring. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Never follows redirects (the client's default), so tests see a 302 as it is. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Http() {
    }

    /**
     * B3 propagation's sampling flag: this request's trace is kept (sent to Zipkin) whatever the suite's sampling
     * rate, as an operator's client asks for the trace of a request to follow. Brave honours a caller's decision.
     */
    static final java.util.Map<String, String> TRACED = java.util.Map.of("X-B3-Sampled", "1");

    /** What placeOrder asks for: its answer once the saga ended, within 10 s. */
    private static final java.util.Map<String, String> WAIT_FOR_SAGA = java.util.Map.of("Prefer", "wait=10");

    static Response get(String url, String bearer) {
        return send(request(url, bearer).GET());
    }

    /** With extra headers, e.g. {@link #TRACED}. */
    static Response get(String url, String bearer, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(url, bearer);
        headers.forEach(builder::header);
        return send(builder.GET());
    }

    static Response getBasic(String url, String user, String password) {
        return send(basic(url, user, password).header("Accept", "application/json").GET());
    }

    static Response postBasic(String url, String user, String password, String json) {
        return send(basic(url, user, password).header("Content-Type", "application/json").POST(body(json)));
    }

    static Response post(String url, String bearer, String json) {
        return send(request(url, bearer).header("Content-Type", "application/json").POST(body(json)));
    }

    static Response put(String url, String bearer, String json) {
        return send(request(url, bearer).header("Content-Type", "application/json").PUT(body(json)));
    }

    /** With extra headers, e.g. If-Match. */
    static Response put(String url, String bearer, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(url, bearer).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.PUT(body(json)));
    }

    static Response delete(String url, String bearer) {
        return send(request(url, bearer).DELETE());
    }

    static Response post(String url, String bearer, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(url, bearer).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.POST(body(json)));
    }

    /**
     * Places an order and waits (RFC 7240 Prefer: wait) up to 10 s for its saga: 201 with its final state when it
     * ended in time, 202 PENDING otherwise.
     */
    static Response placeOrder(String url, String bearer, String json) {
        return post(url, bearer, json, WAIT_FOR_SAGA);
    }

    /** The same, its trace kept ({@link #TRACED}). */
    static Response placeOrderTraced(String url, String bearer, String json) {
        java.util.Map<String, String> headers = new java.util.HashMap<>(WAIT_FOR_SAGA);
        headers.putAll(TRACED);
        return post(url, bearer, json, headers);
    }

    /**
     * GET asking for gzip (as browsers and curl --compressed do), with extra headers; the body as the client reads
     * it (unzipped when the answer was gzipped), the Content-Encoding and Content-Length as they came.
     */
    static Response getGzipAccepted(String url, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(url, null).header("Accept-Encoding", "gzip");
        headers.forEach(builder::header);
        return send(builder.GET());
    }

    /** Any method, any headers, any body (raw bytes as given): for requests a well-behaved client would not send. */
    static Response raw(String method, String url, java.util.Map<String, String> headers, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /**
     * Reads a server-sent event stream until a line contains {@code expected} or the time is up; returns whether it
     * was seen. Streams never end on their own, so the connection is closed here.
     */
    static boolean streamContains(String url, String expected, Duration within) {
        return streamContains(url, expected, within, null);
    }

    static boolean streamContains(String url, String expected, Duration within, String authorization) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            // The headers within the time given; then the stream is closed at the deadline, so a stream that goes
            // silent cannot hold readLine (and the test) for ever.
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                    .timeout(within);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<java.io.InputStream> response = CLIENT.send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            java.util.concurrent.CompletableFuture.delayedExecutor(Math.max(0, deadline - System.nanoTime()),
                    java.util.concurrent.TimeUnit.NANOSECONDS).execute(() -> {
                        try {
                            response.body().close();
                        } catch (IOException alreadyClosed) {
                            // nothing to do: the reader is done with it
                        }
                    });
            try (java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                    if (line.contains(expected)) {
                        return true;
                    }
                }
            } catch (IOException closedAtTheDeadline) {
                if (System.nanoTime() < deadline) {
                    throw closedAtTheDeadline;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder basic(String url, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    private static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    /** The body as the client reads it: unzipped when the answer was gzipped (only when the request asked). */
    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if ("gzip".equals(response.headers().firstValue("Content-Encoding").orElse(null))) {
                try (java.util.zip.GZIPInputStream unzip = new java.util.zip.GZIPInputStream(
                        new java.io.ByteArrayInputStream(body))) {
                    body = unzip.readAllBytes();
                }
            }
            return new Response(response.statusCode(), new String(body, java.nio.charset.StandardCharsets.UTF_8),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Trace-Id").orElse(null),
                    response.headers().firstValue("Location").orElse(null), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class Response {
        final int status;
        final String body;
        final String contentType;
        final String traceId;
        final String location;
        final java.net.http.HttpHeaders headers;

        Response(int status, String body, String contentType, String traceId, String location,
                 java.net.http.HttpHeaders headers) {
            this.status = status;
            this.body = body;
            this.contentType = contentType;
            this.traceId = traceId;
            this.location = location;
            this.headers = headers;
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

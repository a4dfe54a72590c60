package dev.msakit.platform.problem;

import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Optional;

/**
 * An error a client (or an operator) can act on, carried to the problem handler with its HTTP status.
 * Domain code throws these instead of returning ad-hoc error bodies.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, null);
    }

    private ApiException(HttpStatus status, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public HttpStatus getStatus() {
        return status;
    }

    /** When the client may try again (the Retry-After header), if the answer says so. */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 429 with Retry-After (whole seconds, at least 1). */
    public static ApiException tooManyRequests(String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, detail, retryAfter);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail);
    }

    /** 503 with Retry-After: 5 s, as the gateway's own fallback and a database outage answer. */
    public static ApiException serviceUnavailable(String serviceId) {
        return unavailable(serviceId + " is unavailable; please retry later");
    }

    /** 503 with Retry-After: 5 s, for a dependency that cannot be named. */
    public static ApiException unavailable(String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, detail, Duration.ofSeconds(5));
    }
}

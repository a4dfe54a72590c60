package dev.msakit.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * An error a client (or an operator) can act on, carried to the problem handler with its HTTP status.
 * Domain code throws these instead of returning ad-hoc error bodies.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus getStatus() {
        return status;
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

    public static ApiException serviceUnavailable(String serviceId) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                serviceId + " is unavailable; please retry later");
    }
}

package dev.msakit.platform.client;

import com.netflix.hystrix.exception.HystrixRuntimeException;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.platform.problem.Problem;
import dev.msakit.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import javax.servlet.http.HttpServletRequest;

/**
 * Problems of calls to other services, as problem+json: a downstream problem keeps its status, a failed or
 * short-circuited call is a 503. Ahead of the generic handler, which would call either a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DownstreamProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(DownstreamProblemHandler.class);

    @ExceptionHandler(DownstreamProblemException.class)
    public ResponseEntity<Problem> downstream(DownstreamProblemException ex, HttpServletRequest request) {
        return Problems.response(HttpStatus.valueOf(ex.getStatus()), ex.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler(HystrixRuntimeException.class)
    public ResponseEntity<Problem> hystrix(HystrixRuntimeException ex, HttpServletRequest request) {
        // Feign wraps what a fallback throws (in an AssertionError), so look along the cause chain.
        for (Throwable t = ex.getFallbackException(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ApiException) {
                return Problems.response((ApiException) t, request.getRequestURI());
            }
        }
        log.warn("Downstream call {} failed ({}): {}", ex.getImplementingClass() == null ? "?" :
                ex.getImplementingClass().getSimpleName(), ex.getFailureType(), String.valueOf(ex.getCause()));
        return Problems.response(ApiException.unavailable(
                "A service this request depends on is unavailable; please retry later"), request.getRequestURI());
    }
}

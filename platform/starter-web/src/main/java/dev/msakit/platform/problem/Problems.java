package dev.msakit.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** Builds and writes {@link Problem} bodies; shared by the MVC handler, security entry points and the gateway. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.parseMediaType(Problem.CONTENT_TYPE);

    private Problems() {
    }

    public static Problem of(HttpStatus status, String detail, String instance) {
        return of(status, detail, instance, List.of());
    }

    public static Problem of(HttpStatus status, String detail, String instance, List<Problem.FieldError> errors) {
        // Sleuth keeps the current trace id in the logging context of the request's thread.
        return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, instance, errors,
                MDC.get("traceId"));
    }

    public static ResponseEntity<Problem> response(HttpStatus status, String detail, String instance) {
        return response(of(status, detail, instance));
    }

    /** The exception's problem, with Retry-After (whole seconds, at least 1) when it says when to try again. */
    public static ResponseEntity<Problem> response(ApiException ex, String instance) {
        ResponseEntity<Problem> answer = response(ex.getStatus(), ex.getMessage(), instance);
        if (ex.getRetryAfter().isEmpty()) {
            return answer;
        }
        long seconds = Math.max(1, (ex.getRetryAfter().get().toMillis() + 999) / 1000);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header("Retry-After", Long.toString(seconds)).body(answer.getBody());
    }

    public static ResponseEntity<Problem> response(Problem problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
    }

    public static void write(HttpServletResponse response, ObjectMapper mapper, Problem problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(Problem.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }
}

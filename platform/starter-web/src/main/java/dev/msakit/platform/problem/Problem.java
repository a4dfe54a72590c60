package dev.msakit.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one error body of every service and the gateway: RFC 7807 {@code application/problem+json}.
 * {@code errors} lists field-level validation failures so a client can point at the offending input;
 * {@code traceId} is what to quote in a bug report (it finds the request in Zipkin and in every log). Extension
 * members (RFC 7807 §3.2) carry what a client needs to act, e.g. the current version after a failed If-Match.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Problem {

    public static final String CONTENT_TYPE = "application/problem+json";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final List<FieldError> errors;
    private final String traceId;
    private final Map<String, Object> extensions;

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                   String traceId) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.traceId = traceId;
        this.extensions = Map.of();
    }

    private Problem(Problem problem, Map<String, Object> extensions) {
        this(problem.type, problem.title, problem.status, problem.detail, problem.instance, problem.errors,
                problem.traceId, extensions);
    }

    private Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                    String traceId, Map<String, Object> extensions) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors;
        this.traceId = traceId;
        this.extensions = extensions;
    }

    /** This problem with one more extension member. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(this, java.util.Collections.unmodifiableMap(more));
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    public String getTraceId() {
        return traceId;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /** One rejected input field. */
    public static class FieldError {
        private final String field;
        private final String message;

        public FieldError(String field, String message) {
            this.field = field;
            this.message = message;
        }

        public String getField() {
            return field;
        }

        public String getMessage() {
            return message;
        }
    }
}

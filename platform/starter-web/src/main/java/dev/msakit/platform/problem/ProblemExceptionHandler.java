package dev.msakit.platform.problem;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.api.GatewayPaths;
import dev.msakit.platform.domain.DomainException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps every exception a controller can raise to a problem+json answer. Client mistakes become 4xx with a
 * message naming what was wrong; anything unexpected becomes a 500 whose body reveals nothing internal.
 */
@RestControllerAdvice
public class ProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ObjectMapper json;

    public ProblemExceptionHandler(ObjectMapper json) {
        this.json = json;
    }

    /** The path as the client sent it: behind the gateway, with the prefix it stripped. */
    private static String instance(HttpServletRequest request) {
        return GatewayPaths.requestPath(request);
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Problem> api(ApiException ex, HttpServletRequest request) {
        return Problems.response(ex, instance(request));
    }

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<Problem> domain(DomainException ex, HttpServletRequest request) {
        return Problems.response(statusOf(ex.getKind()), ex.getMessage(), instance(request));
    }

    static HttpStatus statusOf(DomainException.Kind kind) {
        switch (kind) {
            case NOT_FOUND:
                return HttpStatus.NOT_FOUND;
            case CONFLICT:
                return HttpStatus.CONFLICT;
            case INVALID:
                return HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE:
                return HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_AUTHENTICATED:
                return HttpStatus.UNAUTHORIZED;
            default:
                throw new IllegalArgumentException("no status for " + kind);
        }
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<Problem> invalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
        return validation(ex.getBindingResult(), request);
    }

    @ExceptionHandler(BindException.class)
    public ResponseEntity<Problem> invalidParameters(BindException ex, HttpServletRequest request) {
        return validation(ex.getBindingResult(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Problem> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
        List<Problem.FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .collect(Collectors.toList());
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, describe(errors), instance(request), errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Problem> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        String detail = "Request body is missing or is not valid JSON";
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            MismatchedInputException mie = (MismatchedInputException) cause;
            String path = mie.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail = path.isEmpty() ? "Request body has the wrong shape"
                    : "Field '" + path + "' has the wrong type or format";
        }
        return Problems.response(HttpStatus.BAD_REQUEST, detail, instance(request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        return Problems.response(HttpStatus.BAD_REQUEST,
                "Parameter '" + ex.getName() + "' has an invalid value", instance(request));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException ex,
                                                    HttpServletRequest request) {
        return Problems.response(HttpStatus.BAD_REQUEST,
                "Parameter '" + ex.getParameterName() + "' is required", instance(request));
    }

    /** 405 with the Allow header RFC 7231 §6.5.5 requires: the methods this path does support. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
        Problem problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED,
                "Method " + ex.getMethod() + " is not supported here", instance(request));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .contentType(Problems.PROBLEM_JSON);
        if (ex.getSupportedHttpMethods() != null) {
            response.allow(ex.getSupportedHttpMethods().toArray(new HttpMethod[0]));
        }
        return response.body(problem);
    }

    /**
     * 406 for an Accept header no representation here satisfies (application/xml, say). Written directly: content
     * negotiation, which just failed, would refuse the problem+json body too and turn the answer into a 500.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public void notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request,
                              HttpServletResponse response) throws IOException {
        Problems.write(response, json, Problems.of(HttpStatus.NOT_ACCEPTABLE,
                "This resource is available as application/json only", instance(request)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
        return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content type must be application/json", instance(request));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<Problem> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
        return Problems.response(HttpStatus.PAYLOAD_TOO_LARGE, "Request body is too large", instance(request));
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<Problem> status(ResponseStatusException ex, HttpServletRequest request) {
        return Problems.response(ex.getStatus(), ex.getReason(), instance(request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Problem> denied(AccessDeniedException ex, HttpServletRequest request) {
        return Problems.response(HttpStatus.FORBIDDEN, "You are not allowed to do this", instance(request));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Problem> unexpected(Exception ex, HttpServletRequest request) {
        if (DatabaseUnavailable.isCause(ex)) {
            // An outage, not a bug: one line, no stack trace, and an answer the client can act on.
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), rootCause(ex));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .contentType(Problems.PROBLEM_JSON).body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                            "The service's database is unavailable; please retry later", instance(request)));
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged", instance(request));
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private ResponseEntity<Problem> validation(BindingResult result, HttpServletRequest request) {
        List<Problem.FieldError> errors = result.getFieldErrors().stream()
                .map(e -> new Problem.FieldError(e.getField(), e.getDefaultMessage()))
                .collect(Collectors.toList());
        result.getGlobalErrors().forEach(e -> errors.add(new Problem.FieldError(e.getObjectName(),
                e.getDefaultMessage())));
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, describe(errors), instance(request), errors));
    }

    private static String describe(List<Problem.FieldError> errors) {
        return "Invalid request: " + errors.stream()
                .map(e -> e.getField() + " " + e.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}

package dev.msakit.platform.problem;

import dev.msakit.platform.api.GatewayPaths;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;

/**
 * Replaces Boot's whitelabel/JSON error page so that errors raised outside controllers (unknown paths, filters,
 * the container) have the same problem+json shape, and never a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final String PATH = "/error";

    @RequestMapping(PATH)
    public ResponseEntity<Problem> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer ? (Integer) code : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = status == HttpStatus.NOT_FOUND ? "No resource at this path"
                : status.is5xxServerError() ? "An unexpected error occurred; it has been logged"
                : status.getReasonPhrase();
        return Problems.response(status, detail, uri == null ? null
                : GatewayPaths.location(request, uri.toString()).toString());
    }

    @Override
    public String getErrorPath() {
        return PATH;
    }
}

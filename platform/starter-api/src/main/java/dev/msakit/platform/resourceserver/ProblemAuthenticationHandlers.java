package dev.msakit.platform.resourceserver;

import dev.msakit.platform.security.BearerChallenge;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.api.GatewayPaths;
import dev.msakit.platform.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 answers of Spring Security in the platform's problem+json shape. */
final class ProblemAuthenticationHandlers {

    private ProblemAuthenticationHandlers() {
    }

    static AuthenticationEntryPoint entryPoint(ObjectMapper mapper) {
        return (request, response, ex) -> {
            boolean hadToken = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
            String detail = hadToken ? "The access token is invalid or expired" : "An access token is required";
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    hadToken ? BearerChallenge.invalidToken(detail) : BearerChallenge.missingToken());
            Problems.write(response, mapper, Problems.of(HttpStatus.UNAUTHORIZED, detail,
                    GatewayPaths.requestPath(request)));
        };
    }

    static AccessDeniedHandler accessDenied(ObjectMapper mapper) {
        return (request, response, ex) -> Problems.write(response, mapper, Problems.of(HttpStatus.FORBIDDEN,
                "You are not allowed to do this", GatewayPaths.requestPath(request)));
    }
}

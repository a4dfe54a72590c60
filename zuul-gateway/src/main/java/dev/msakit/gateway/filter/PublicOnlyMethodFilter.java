package dev.msakit.gateway.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.problem.Problems;
import dev.msakit.platform.security.PublicPaths;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * A wrong method on a path that exists only for anonymous callers (the login, the key set) is a 405 with
 * {@code Allow}, answered before Zuul: not a 401 asking for a token the path never needs, and not counted against
 * the login's rate limit (Zuul's rate limit filter counts every request it sees). OPTIONS goes on (CORS preflights
 * are answered before this filter).
 */
public class PublicOnlyMethodFilter extends OncePerRequestFilter {

    private final PublicPaths anonymousOnly;
    private final ObjectMapper json;

    public PublicOnlyMethodFilter(PublicPaths anonymousOnly, ObjectMapper json) {
        this.anonymousOnly = anonymousOnly;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        Set<String> allowed = anonymousOnly.methodsFor(request.getRequestURI());
        if (allowed.isEmpty() || allowed.contains(method) || "OPTIONS".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        allowed.add("OPTIONS");
        response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        Problems.write(response, json, Problems.of(HttpStatus.METHOD_NOT_ALLOWED,
                method + " is not supported here; use " + String.join(" or ", allowed), request.getRequestURI()));
    }
}

package dev.msakit.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Ahead of everything else: a request Spring Security's firewall refuses (encoded slashes, {@code ..;}, a semicolon
 * path parameter) is the client's mistake, answered 400 problem+json with one WARN line instead of a 500 and a
 * stack trace; and conditional headers longer than any real list of entity tags are refused before Spring's ETag
 * parsing sees them (CVE-2024-38809 is reached through a long If-None-Match).
 */
public class RequestGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestGuardFilter.class);
    /** Characters; a list of a dozen quoted strong ETags fits many times over. */
    static final int MAX_CONDITIONAL_HEADER = 1024;
    private static final List<String> CONDITIONAL_HEADERS = List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MATCH);

    private final ObjectMapper json;

    public RequestGuardFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String header : CONDITIONAL_HEADERS) {
            String value = request.getHeader(header);
            if (value != null && value.length() > MAX_CONDITIONAL_HEADER) {
                refuse(request, response, header + " is longer than " + MAX_CONDITIONAL_HEADER + " characters");
                return;
            }
        }
        try {
            chain.doFilter(request, response);
        } catch (RequestRejectedException rejected) {
            if (response.isCommitted()) {
                throw rejected;
            }
            log.warn("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
            response.reset();
            refuse(request, response, "The request was rejected: " + rejected.getMessage());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        Problems.write(response, json, Problems.of(HttpStatus.BAD_REQUEST, detail, null));
    }
}

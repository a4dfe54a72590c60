package dev.msakit.dashboard;

import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's {@code /proxy.stream?origin=URL} fetches any URL on an allowed host for the browser: without this
 * it would read a service's API documents or anything else there. Only Hystrix and Turbine streams (paths ending in
 * {@code .stream}) pass; anything else is a 400 problem.
 */
class StreamsOnlyProxyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isStream(request.getParameter("origin"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"The dashboard proxies Hystrix and Turbine streams only (a URL whose path ends in"
                + " .stream)\"}").getBytes(StandardCharsets.UTF_8));
    }

    static boolean isStream(String origin) {
        if (origin == null) {
            return false;
        }
        try {
            URI uri = new URI(origin.trim());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getPath() != null && uri.getPath().endsWith(".stream") && !uri.getPath().contains("..");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

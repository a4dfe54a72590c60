package dev.msakit.gateway.ratelimit;

import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rate limit headers a client sees describe the limit that will stop it first. The limiter writes
 * {@code X-RateLimit-Limit/Remaining/Reset} once per policy that applies (member, address, login...), each policy over
 * the previous, so the last one won: a member saw the 200/s address limit while the 50/s member limit was the one
 * that bit. This wrapper keeps, of all the policies' sets, the one with the fewest requests remaining (the smaller
 * limit on a tie).
 */
public class MostRestrictiveLimitHeaders extends OncePerRequestFilter {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    private static final List<String> HEADERS = List.of(LIMIT, REMAINING, RESET);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Response(response));
    }

    static final class Response extends HttpServletResponseWrapper {

        private Map<String, String> forming = new HashMap<>();
        private Map<String, String> shown;

        Response(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            String header = HEADERS.stream().filter(h -> h.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (header == null || value == null) {
                super.setHeader(name, value);
                return;
            }
            if (forming.containsKey(header)) {
                forming = new HashMap<>(); // the same header again: the next policy's set begins
            }
            forming.put(header, value);
            if (forming.size() == HEADERS.size() && (shown == null || tighter(forming, shown))) {
                shown = forming;
                shown.forEach(super::setHeader);
            }
        }

        private static boolean tighter(Map<String, String> candidate, Map<String, String> current) {
            long remaining = number(candidate.get(REMAINING));
            long shownRemaining = number(current.get(REMAINING));
            return remaining < shownRemaining
                    || (remaining == shownRemaining && number(candidate.get(LIMIT)) < number(current.get(LIMIT)));
        }

        private static long number(String value) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}

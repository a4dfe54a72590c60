package dev.msakit.gateway.ratelimit;

import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rate limit headers a client sees describe the limit that will stop it first. The limiter writes
 * {@code X-RateLimit-Limit/Remaining/Reset} once per policy that applies (member, address, login...), each policy over
 * the previous, so the last one won: a member saw the 200/s address limit while the 50/s member limit was the one
 * that bit. This wrapper keeps, of all the policies' sets, the one with the fewest requests remaining (the smaller
 * limit on a tie).
 * <p>
 * It also says when the quota is back. The limiter's Reset is Bucket4j's wait for the next token, 0 whenever one
 * is left: a client that has used 29 of its 30 sign-ups an hour read "reset in 0 ms". Here a Reset of 0 with
 * requests used becomes the time until every used request has come back (the buckets refill evenly over their
 * interval): (limit - remaining) x interval / limit. The interval is the configured one of the policy with that
 * limit (the longest, should two policies share a limit).
 */
public class MostRestrictiveLimitHeaders extends OncePerRequestFilter {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    private static final List<String> HEADERS = List.of(LIMIT, REMAINING, RESET);

    private final Map<Long, Duration> intervalByLimit;

    /** @param intervalByLimit each configured limit's refill interval */
    public MostRestrictiveLimitHeaders(Map<Long, Duration> intervalByLimit) {
        this.intervalByLimit = Map.copyOf(intervalByLimit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Response(response, intervalByLimit));
    }

    static final class Response extends HttpServletResponseWrapper {

        private final Map<Long, Duration> intervalByLimit;
        private Map<String, String> forming = new HashMap<>();
        private Map<String, String> shown;

        Response(HttpServletResponse response, Map<Long, Duration> intervalByLimit) {
            super(response);
            this.intervalByLimit = intervalByLimit;
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
                shown.put(RESET, Long.toString(reset(shown)));
                shown.forEach(super::setHeader);
            }
        }

        private long reset(Map<String, String> set) {
            long reset = number(set.get(RESET));
            long limit = number(set.get(LIMIT));
            long remaining = number(set.get(REMAINING));
            Duration interval = intervalByLimit.get(limit);
            if (reset != 0 || interval == null || limit <= 0 || remaining >= limit || remaining < 0) {
                return reset;
            }
            long used = limit - remaining;
            return (used * interval.toMillis() + limit - 1) / limit;
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

package dev.msakit.platform.tracing;

import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * For a process at the edge: hides a caller's trace context headers (B3, and whatever else the tracer's propagation
 * reads) from everything after it, Sleuth's tracing filter included, so this process starts its own trace and makes
 * its own sampling decision. Otherwise any client could choose its trace ids and, with {@code X-B3-Sampled: 1},
 * have every request it sends recorded at the edge and at each service behind it, past the configured sampling.
 * Hidden, not removed: nothing of them is forwarded either, since a proxy copies the headers it can see.
 */
public class IncomingTraceContextFilter extends OncePerRequestFilter {

    /** The header names, compared as HTTP compares them (case-insensitively). */
    private final Set<String> hidden;

    public IncomingTraceContextFilter(Collection<String> headers) {
        this.hidden = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        this.hidden.addAll(headers);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(carriesTraceContext(request) ? new WithoutTraceContext(request, hidden) : request, response);
    }

    private boolean carriesTraceContext(HttpServletRequest request) {
        for (String header : hidden) {
            if (request.getHeader(header) != null) {
                return true;
            }
        }
        return false;
    }

    private static final class WithoutTraceContext extends HttpServletRequestWrapper {

        private final Set<String> hidden;

        WithoutTraceContext(HttpServletRequest request, Set<String> hidden) {
            super(request);
            this.hidden = hidden;
        }

        @Override
        public String getHeader(String name) {
            return hidden.contains(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden.contains(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(hidden::contains);
            return Collections.enumeration(names);
        }

        @Override
        public long getDateHeader(String name) {
            return hidden.contains(name) ? -1 : super.getDateHeader(name);
        }

        @Override
        public int getIntHeader(String name) {
            return hidden.contains(name) ? -1 : super.getIntHeader(name);
        }
    }
}

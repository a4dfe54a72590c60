package dev.msakit.platform.security;

import org.springframework.util.AntPathMatcher;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The requests that may pass without a token, parsed once from "METHOD /pattern" entries. */
public final class PublicPaths {

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    private final List<Entry> entries;

    private PublicPaths(List<Entry> entries) {
        this.entries = entries;
    }

    public static PublicPaths parse(List<String> specs) {
        return new PublicPaths(specs.stream().map(Entry::parse).collect(Collectors.toList()));
    }

    public boolean matches(String method, String path) {
        return entries.stream().anyMatch(e -> e.matches(method, path));
    }

    /** The methods of the entries whose pattern matches the path (HEAD with GET), in entry order; empty: none. */
    public Set<String> methodsFor(String path) {
        Set<String> methods = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (entry.method != null && MATCHER.match(entry.pattern, path)) {
                methods.add(entry.method);
                if ("GET".equals(entry.method)) {
                    methods.add("HEAD");
                }
            }
        }
        return methods;
    }

    private static final class Entry {
        private final String method;
        private final String pattern;

        private Entry(String method, String pattern) {
            this.method = method;
            this.pattern = pattern;
        }

        static Entry parse(String spec) {
            String[] parts = spec.trim().split("\\s+");
            if (parts.length == 1) {
                return new Entry(null, parts[0]);
            }
            if (parts.length == 2) {
                return new Entry(parts[0].toUpperCase(Locale.ROOT), parts[1]);
            }
            throw new IllegalArgumentException("Public path must be 'METHOD /pattern' or '/pattern': " + spec);
        }

        /** HEAD is GET without the body (RFC 7231 §4.3.2): whatever may GET a path anonymously may HEAD it. */
        boolean matches(String requestMethod, String path) {
            boolean methodMatches = method == null || method.equalsIgnoreCase(requestMethod)
                    || ("GET".equals(method) && "HEAD".equalsIgnoreCase(requestMethod));
            return methodMatches && MATCHER.match(pattern, path);
        }
    }
}

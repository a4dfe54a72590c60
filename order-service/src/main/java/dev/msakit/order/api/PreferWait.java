package dev.msakit.order.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}, possibly among others, in one or more Prefer
 * headers): how long the client is willing to wait for the final result. As the RFC asks, a preference that cannot
 * be understood is ignored, not an error; the server caps the wait at its own bound.
 */
final class PreferWait {

    private PreferWait() {
    }

    static Optional<Duration> parse(List<String> preferHeaders, Duration cap) {
        if (preferHeaders == null) {
            return Optional.empty();
        }
        for (String header : preferHeaders) {
            for (String preference : header.split(",")) {
                String token = preference.split(";", 2)[0].trim();
                int eq = token.indexOf('=');
                if (eq < 0 || !"wait".equals(token.substring(0, eq).trim().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String value = token.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.matches("\\d{1,9}")) {
                    return Optional.empty();
                }
                Duration asked = Duration.ofSeconds(Long.parseLong(value));
                return Optional.of(asked.compareTo(cap) > 0 ? cap : asked);
            }
        }
        return Optional.empty();
    }
}

package dev.msakit.platform.api;

import javax.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Links as the client sees them: behind the gateway a service's {@code /orders/1} is {@code /api/orders/1}. Zuul
 * says which prefix it stripped in X-Forwarded-Prefix; a Location built from it is right through the gateway and
 * still right when the service is called directly (no header, no prefix).
 */
public final class GatewayPaths {

    /** Path segments only: a header that is anything else is ignored, never copied into a response. */
    private static final Pattern SAFE_PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private GatewayPaths() {
    }

    /** The request's own path as the client sent it (a problem's {@code instance}). */
    public static String requestPath(HttpServletRequest request) {
        return location(request, request.getRequestURI()).toString();
    }

    /** A relative reference (RFC 7231 §7.1.2) to the service's path under the gateway's prefix. */
    public static URI location(HttpServletRequest request, String servicePath) {
        String prefix = request.getHeader("X-Forwarded-Prefix");
        if (prefix == null || !SAFE_PREFIX.matcher(prefix).matches()) {
            prefix = "";
        }
        return URI.create(prefix + servicePath);
    }
}

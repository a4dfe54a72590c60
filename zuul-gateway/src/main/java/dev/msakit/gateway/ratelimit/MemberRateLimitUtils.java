package dev.msakit.gateway.ratelimit;

import dev.msakit.platform.security.AccessTokens;
import com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.RateLimitUtils;
import com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.properties.RateLimitProperties;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.gateway.filter.JwtAuthenticationFilter;
import org.springframework.security.oauth2.jwt.Jwt;

import javax.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * Tells the rate limiter who is calling. The library's own version asks Spring Security, which the gateway does not
 * use for routed requests: here the member is the subject of the token the JWT filter verified just before. A
 * caller without a token is counted by address, so anonymous clients do not share one bucket.
 */
public class MemberRateLimitUtils implements RateLimitUtils {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final RateLimitProperties properties;
    private final int trustedProxyHops;

    public MemberRateLimitUtils(RateLimitProperties properties, int trustedProxyHops) {
        if (trustedProxyHops < 1) {
            throw new IllegalArgumentException("RATE_LIMIT_TRUSTED_PROXY_HOPS must be 1 or more");
        }
        this.properties = properties;
        this.trustedProxyHops = trustedProxyHops;
    }

    @Override
    public String getUser(HttpServletRequest request) {
        Jwt token = verifiedToken();
        return token != null ? "member-" + token.getSubject() : "address-" + getRemoteAddress(request);
    }

    /** The client address; X-Forwarded-For only behind a trusted proxy, or any client could choose its own key. */
    @Override
    public String getRemoteAddress(HttpServletRequest request) {
        if (!properties.isBehindProxy()) {
            return request.getRemoteAddr();
        }
        return clientAddress(request.getHeaders(FORWARDED_FOR), request.getRemoteAddr(), trustedProxyHops);
    }

    /**
     * The address the outermost trusted proxy saw the request come from. Each proxy appends the address it received
     * the request from, so with N trusted proxies in front of the gateway that is the N-th entry from the right;
     * everything to its left was written by the client and proves nothing (the leftmost entry is whatever the client
     * wants it to be). Fewer entries than proxies: the request did not come through all of them, so the peer's own
     * address counts.
     */
    static String clientAddress(Enumeration<String> forwardedForHeaders, String peer, int trustedProxyHops) {
        List<String> hops = new ArrayList<>();
        while (forwardedForHeaders != null && forwardedForHeaders.hasMoreElements()) {
            for (String hop : forwardedForHeaders.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops.size() < trustedProxyHops ? peer : hops.get(hops.size() - trustedProxyHops);
    }

    @Override
    public Set<String> getUserRoles() {
        Jwt token = verifiedToken();
        return AccessTokens.roles(token);
    }

    private static Jwt verifiedToken() {
        return (Jwt) RequestContext.getCurrentContext().get(JwtAuthenticationFilter.VERIFIED_TOKEN);
    }
}

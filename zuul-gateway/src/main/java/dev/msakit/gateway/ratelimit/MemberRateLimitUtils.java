package dev.msakit.gateway.ratelimit;

import dev.msakit.platform.security.AccessTokens;
import com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.RateLimitUtils;
import com.marcosbarbero.cloud.autoconfigure.zuul.ratelimit.config.properties.RateLimitProperties;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.gateway.filter.JwtAuthenticationFilter;
import org.springframework.security.oauth2.jwt.Jwt;

import javax.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Tells the rate limiter who is calling. The library's own version asks Spring Security, which the gateway does not
 * use for routed requests: here the member is the subject of the token the JWT filter verified just before. A
 * caller without a token is counted by address, so anonymous clients do not share one bucket.
 */
public class MemberRateLimitUtils implements RateLimitUtils {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final RateLimitProperties properties;

    public MemberRateLimitUtils(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public String getUser(HttpServletRequest request) {
        Jwt token = verifiedToken();
        return token != null ? "member-" + token.getSubject() : "address-" + getRemoteAddress(request);
    }

    /** The client address; X-Forwarded-For only behind a trusted proxy, or any client could choose its own key. */
    @Override
    public String getRemoteAddress(HttpServletRequest request) {
        String forwardedFor = request.getHeader(FORWARDED_FOR);
        if (properties.isBehindProxy() && forwardedFor != null && !forwardedFor.isBlank()) {
            return forwardedFor.split(",")[0].trim();
        }
        return request.getRemoteAddr();
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

package dev.msakit.gateway.migration;

import com.netflix.zuul.context.RequestContext;
import dev.msakit.gateway.filter.JwtAuthenticationFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.jwt.Jwt;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.UUID;

/**
 * Who a request is for the sticky splits (feature percentages, canary shares): the member, or for anonymous callers
 * a random id kept in a cookie, so both stay on one side. One cookie per request even when several splits ask.
 */
public final class StickySubject {

    private static final String KEY = "msa.sticky.subject";
    private static final int MAX_COOKIE_LENGTH = 64;

    private StickySubject() {
    }

    public static String of(RequestContext context, String cookieName) {
        Object known = context.get(KEY);
        if (known != null) {
            return known.toString();
        }
        String subject = find(context, context.getRequest(), cookieName);
        context.set(KEY, subject);
        return subject;
    }

    private static String find(RequestContext context, HttpServletRequest request, String cookieName) {
        Object token = context.get(JwtAuthenticationFilter.VERIFIED_TOKEN);
        if (token instanceof Jwt) {
            return "member:" + ((Jwt) token).getSubject();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookieName.equals(cookie.getName()) && cookie.getValue().length() <= MAX_COOKIE_LENGTH) {
                    return "anonymous:" + cookie.getValue();
                }
            }
        }
        String id = UUID.randomUUID().toString();
        context.getResponse().addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(cookieName, id)
                .path("/").maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").build().toString());
        return "anonymous:" + id;
    }
}

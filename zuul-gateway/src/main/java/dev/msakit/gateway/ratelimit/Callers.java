package dev.msakit.gateway.ratelimit;

import com.netflix.zuul.context.RequestContext;
import dev.msakit.gateway.filter.JwtAuthenticationFilter;
import org.springframework.security.oauth2.jwt.Jwt;

import javax.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Who is calling, as the rate limits count callers: the member, the subject of the token the JWT filter verified
 * just before (the gateway does not use Spring Security for routed requests), or, without a token, the client
 * address, so anonymous clients do not share one allowance.
 */
public class Callers {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final boolean behindProxy;
    private final int trustedProxyHops;

    public Callers(boolean behindProxy, int trustedProxyHops) {
        if (trustedProxyHops < 1) {
            throw new IllegalArgumentException("RATE_LIMIT_TRUSTED_PROXY_HOPS must be 1 or more");
        }
        this.behindProxy = behindProxy;
        this.trustedProxyHops = trustedProxyHops;
    }

    /** This request's caller; each of its keys is worked out once, when a policy first asks for it. */
    Caller of(RequestContext context) {
        return new Caller(context);
    }

    /** One request's caller, as the policies of its route count it. */
    final class Caller {

        private final RequestContext context;
        private String address;
        private String memberOrAddress;

        private Caller(RequestContext context) {
            this.context = context;
        }

        /** The client address (X-Forwarded-For parsed once per request, however many policies count it). */
        String address() {
            if (address == null) {
                address = Callers.this.address(context.getRequest());
            }
            return address;
        }

        /** The member, or the client address when the request carries no verified token. */
        String memberOrAddress() {
            if (memberOrAddress == null) {
                Jwt token = (Jwt) context.get(JwtAuthenticationFilter.VERIFIED_TOKEN);
                memberOrAddress = token != null ? "member-" + token.getSubject() : "address-" + address();
            }
            return memberOrAddress;
        }
    }

    /** The client address; X-Forwarded-For only behind a trusted proxy, or any client could choose its own key. */
    String address(HttpServletRequest request) {
        if (!behindProxy) {
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
}

package dev.msakit.gateway.filter;

import com.netflix.zuul.ZuulFilter;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.platform.security.BearerChallenge;
import dev.msakit.platform.security.PublicPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import javax.servlet.http.HttpServletRequest;

import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.PRE_DECORATION_FILTER_ORDER;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.PRE_TYPE;

/**
 * Verifies the bearer token of every routed request before it leaves the gateway: RS256 signature against
 * member-service's keys, issuer and expiry. Requests without a token pass only on public paths; a token that is
 * present must be valid everywhere. The token itself is forwarded (services verify it again) and never logged.
 */
public class JwtAuthenticationFilter extends ZuulFilter {

    private static final Logger log = LoggerFactory.getLogger(JwtAuthenticationFilter.class);
    private static final String BEARER = "Bearer ";
    /** Request-context key of the verified token, for later filters (rate limits) to tell who is calling. */
    public static final String VERIFIED_TOKEN = "msa.verifiedToken";

    private final JwtDecoder decoder;
    private final PublicPaths publicPaths;
    private final ZuulProblemResponse problems;

    public JwtAuthenticationFilter(JwtDecoder decoder, PublicPaths publicPaths, ZuulProblemResponse problems) {
        this.decoder = decoder;
        this.publicPaths = publicPaths;
        this.problems = problems;
    }

    @Override
    public String filterType() {
        return PRE_TYPE;
    }

    /** Right after route decoration, before anything is forwarded. */
    @Override
    public int filterOrder() {
        return PRE_DECORATION_FILTER_ORDER + 1;
    }

    /** Every request that Zuul routes is checked; which ones may go without a token is decided in {@link #run}. */
    @Override
    public boolean shouldFilter() {
        return true;
    }

    @Override
    public Object run() {
        RequestContext context = RequestContext.getCurrentContext();
        HttpServletRequest request = context.getRequest();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            if (!publicPaths.matches(request.getMethod(), request.getRequestURI())) {
                challenge(context, BearerChallenge.missingToken(), "An access token is required");
            }
            return null;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            challenge(context, BearerChallenge.invalidToken("The Authorization header must carry a Bearer token"),
                    "The Authorization header must carry a Bearer token");
            return null;
        }
        try {
            context.set(VERIFIED_TOKEN, decoder.decode(authorization.substring(BEARER.length()).trim()));
        } catch (JwtException e) {
            if (keysUnavailable(e)) {
                log.warn("Cannot verify tokens: member-service's keys are unavailable ({})", e.getMessage());
                reject(context, HttpStatus.SERVICE_UNAVAILABLE,
                        "Tokens cannot be verified right now (member-service unavailable); please retry later");
            } else {
                log.debug("Rejected token on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
                challenge(context, BearerChallenge.invalidToken("The access token is invalid or expired"),
                        "The access token is invalid or expired");
            }
        }
        return null;
    }

    private static boolean keysUnavailable(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof com.nimbusds.jose.RemoteKeySourceException) {
                return true;
            }
        }
        return false;
    }

    private void challenge(RequestContext context, String challenge, String detail) {
        context.getResponse().setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        reject(context, HttpStatus.UNAUTHORIZED, detail);
    }

    private void reject(RequestContext context, HttpStatus status, String detail) {
        problems.send(context, status, detail);
    }
}

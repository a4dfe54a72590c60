package dev.msakit.gateway.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.gateway.filter.JwtAuthenticationFilter;
import dev.msakit.gateway.filter.ZuulProblemResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.PROXY_KEY;

/** The limiter's arithmetic and the headers it shows, on a clock the test moves. */
class RateLimitFilterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MockHttpServletResponse response;
    private RequestContext context;

    @AfterEach
    void clearContext() {
        RequestContext.testSetCurrentContext(null);
    }

    @Test
    void aBucketRefillsEvenlyOverItsIntervalAndAnswersWhenItIsWholeAgain() throws Exception {
        RateLimitFilter filter = filter(Map.of(), policy(4, 60, "origin"));
        assertThat(request(filter, "products", "10.0.0.1", null).getStatus()).isEqualTo(200);
        // 4 a minute, 1 used: 15 s until whole.
        assertThat(headers()).containsExactly("4", "3", "15000");
        for (int i = 0; i < 3; i++) {
            request(filter, "products", "10.0.0.1", null);
        }
        assertThat(headers()).containsExactly("4", "0", "60000");

        assertThat(request(filter, "products", "10.0.0.1", null).getStatus()).isEqualTo(429);
        // Refused: the wait for the next token, and Retry-After in whole seconds.
        assertThat(headers()).containsExactly("4", "0", "15000");
        assertThat(response.getHeader("Retry-After")).isEqualTo("15");
        assertThat(response.getContentAsString()).contains("\"status\":429").contains("retry after 15 s");
        assertThat(meters.counter("gateway.rate.limit.refused", "route", "products").count()).isEqualTo(1);

        // A quarter of the interval later, one token is back (the refused request took none).
        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(request(filter, "products", "10.0.0.1", null).getStatus()).isEqualTo(200);
        assertThat(headers()).containsExactly("4", "0", "60000");
        // Never more than the limit, however long the bucket rests.
        nanos.addAndGet(Duration.ofHours(5).toNanos());
        assertThat(request(filter, "products", "10.0.0.1", null).getStatus()).isEqualTo(200);
        assertThat(headers()).containsExactly("4", "3", "15000");
    }

    @Test
    void theHeadersDescribeThePolicyWithTheFewestRequestsLeftTheSmallerLimitOnATie() {
        RateLimitFilter filter = filter(Map.of(), policy(3, 60, "user"), policy(5, 1, "origin"));
        request(filter, "products", "10.0.0.1", "m-1");
        assertThat(headers()).as("member 2 left of 3, address 4 of 5").containsExactly("3", "2", "20000");

        RateLimitFilter tie = filter(Map.of(), policy(10, 1, "origin"), policy(2, 60, "user"));
        request(tie, "products", "10.0.0.1", null);
        request(tie, "products", "10.0.0.1", null);
        request(tie, "products", "10.0.0.1", null);
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(headers()).as("refused by the 2 a minute").containsExactly("2", "0", "30000");
    }

    @Test
    void callersRoutesAndMethodsHaveBucketsOfTheirOwn() {
        RateLimitFilter filter = filter(Map.of("members", List.of(policy(1, 3600, "origin", "http_method=POST"))),
                policy(1, 60, "user"));
        assertThat(request(filter, "products", "10.0.0.1", "m-1").getStatus()).isEqualTo(200);
        assertThat(request(filter, "products", "10.0.0.1", "m-1").getStatus()).isEqualTo(429);
        assertThat(request(filter, "products", "10.0.0.1", "m-2").getStatus()).as("another member").isEqualTo(200);
        assertThat(request(filter, "orders", "10.0.0.1", "m-1").getStatus()).as("another route").isEqualTo(200);
        assertThat(request(filter, "products", "10.0.0.1", null).getStatus()).as("no token: the address")
                .isEqualTo(200);
        assertThat(request(filter, "products", "10.0.0.2", null).getStatus()).isEqualTo(200);

        // The route's own list replaces the default one; a policy for one method leaves the others alone.
        assertThat(request(filter, "members", "POST", "10.0.0.1", null).getStatus()).isEqualTo(200);
        assertThat(request(filter, "members", "POST", "10.0.0.1", null).getStatus()).isEqualTo(429);
        assertThat(request(filter, "members", "GET", "10.0.0.1", null).getStatus()).isEqualTo(200);
        assertThat(request(filter, "members", "GET", "10.0.0.1", null).getStatus()).isEqualTo(200);
        assertThat(response.getHeader("X-RateLimit-Limit")).as("no policy applied").isNull();
    }

    @Test
    void aPolicyThatCannotWorkStopsTheStart() {
        assertThatThrownBy(() -> filter(Map.of(), policy(0, 1, "user"))).hasMessageContaining("limit");
        assertThatThrownBy(() -> filter(Map.of(), policy(1, 0, "user"))).hasMessageContaining("refresh-interval");
        assertThatThrownBy(() -> filter(Map.of(), policy(1, 1, "url"))).hasMessageContaining("unknown type 'url'");
    }

    private RateLimitFilter filter(Map<String, List<RateLimitProperties.Policy>> routes,
                                   RateLimitProperties.Policy... defaults) {
        RateLimitProperties properties = new RateLimitProperties();
        properties.setDefaultPolicies(List.of(defaults));
        properties.setRoutePolicies(routes);
        return new RateLimitFilter(properties, new Callers(false, 1), new ZuulProblemResponse(new ObjectMapper()),
                meters, nanos::get);
    }

    private static RateLimitProperties.Policy policy(long limit, long seconds, String... types) {
        RateLimitProperties.Policy policy = new RateLimitProperties.Policy();
        policy.setLimit(limit);
        policy.setRefreshInterval(Duration.ofSeconds(seconds));
        policy.setType(List.of(types));
        return policy;
    }

    private MockHttpServletResponse request(RateLimitFilter filter, String route, String address, String member) {
        return request(filter, route, "GET", address, member);
    }

    private MockHttpServletResponse request(RateLimitFilter filter, String route, String method, String address,
                                            String member) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/" + route);
        request.setRemoteAddr(address);
        response = new MockHttpServletResponse();
        context = new RequestContext();
        context.setRequest(request);
        context.setResponse(response);
        context.set(PROXY_KEY, route);
        if (member != null) {
            context.set(JwtAuthenticationFilter.VERIFIED_TOKEN, Jwt.withTokenValue("t").header("alg", "RS256")
                    .subject(member).build());
        }
        RequestContext.testSetCurrentContext(context);
        filter.run();
        if (context.getResponseBody() != null) {
            response.setStatus(context.getResponseStatusCode());
            try {
                response.getWriter().write(context.getResponseBody());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return response;
    }

    private List<String> headers() {
        return java.util.Arrays.asList(response.getHeader("X-RateLimit-Limit"),
                response.getHeader("X-RateLimit-Remaining"), response.getHeader("X-RateLimit-Reset"));
    }
}

package dev.msakit.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MostRestrictiveLimitHeadersTest {

    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MostRestrictiveLimitHeaders.Response wrapped = new MostRestrictiveLimitHeaders.Response(response,
            Map.of(30L, Duration.ofHours(1), 50L, Duration.ofSeconds(1)));

    private void policy(String limit, String remaining, String reset) {
        wrapped.setHeader("X-RateLimit-Remaining", remaining);
        wrapped.setHeader("X-RateLimit-Limit", limit);
        wrapped.setHeader("X-RateLimit-Reset", reset);
    }

    @Test
    void theSetWithTheFewestRemainingWinsWhateverTheOrder() {
        policy("50", "10", "400");
        policy("200", "150", "300");
        assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo("50");
        assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("10");
        assertThat(response.getHeader("X-RateLimit-Reset")).isEqualTo("400");
        policy("10", "2", "60000");
        assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo("10");
        assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("2");
    }

    /** Bucket4j says 0 while a token is left: the hourly sign-up limit would read "reset now" after 29 of 30. */
    @Test
    void aResetOfZeroWithRequestsUsedBecomesTheTimeUntilTheyAreAllBack() {
        policy("30", "29", "0");
        assertThat(response.getHeader("X-RateLimit-Reset")).isEqualTo("120000");
        policy("30", "1", "0");
        assertThat(response.getHeader("X-RateLimit-Reset")).isEqualTo(Long.toString(29 * 120_000L));
    }

    @Test
    void aRealWaitAndUnknownLimitsAreLeftAsTheLimiterSaidThem() {
        policy("30", "0", "118000");
        assertThat(response.getHeader("X-RateLimit-Reset")).isEqualTo("118000");
        MockHttpServletResponse other = new MockHttpServletResponse();
        MostRestrictiveLimitHeaders.Response unknown = new MostRestrictiveLimitHeaders.Response(other, Map.of());
        unknown.setHeader("X-RateLimit-Limit", "7");
        unknown.setHeader("X-RateLimit-Remaining", "3");
        unknown.setHeader("X-RateLimit-Reset", "0");
        assertThat(other.getHeader("X-RateLimit-Reset")).isEqualTo("0");
    }

    @Test
    void onATieTheSmallerLimitIsShownAndOtherHeadersPassUntouched() {
        policy("200", "0", "100");
        policy("50", "0", "900");
        wrapped.setHeader("Retry-After", "1");
        assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo("50");
        assertThat(response.getHeader("X-RateLimit-Reset")).isEqualTo("900");
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }
}

package dev.msakit.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class MostRestrictiveLimitHeadersTest {

    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MostRestrictiveLimitHeaders.Response wrapped = new MostRestrictiveLimitHeaders.Response(response);

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

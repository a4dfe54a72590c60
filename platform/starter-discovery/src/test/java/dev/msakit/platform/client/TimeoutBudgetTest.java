package dev.msakit.platform.client;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimeoutBudgetTest {

    @Test
    void hystrixWaitsForEveryTryRibbonMayMake() {
        StandardEnvironment environment = environment(Map.of(
                "ribbon.ConnectTimeout", "1000", "ribbon.ReadTimeout", "3000",
                "ribbon.MaxAutoRetries", "0", "ribbon.MaxAutoRetriesNextServer", "2",
                "order-service.ribbon.ReadTimeout", "8000"));
        TimeoutBudget budget = new TimeoutBudget(environment);

        // (1000 + 3000) x 1 x 3 + 500 and, with order-service's own read timeout, (1000 + 8000) x 1 x 3 + 500.
        assertThat(budget.hystrixTimeoutMs(null)).isEqualTo(12_500);
        assertThat(budget.hystrixTimeoutMs("order-service")).isEqualTo(27_500);
        assertThat(budget.hystrixTimeoutMs("member-service")).as("no settings of its own").isEqualTo(12_500);
        assertThat(budget.hystrixProperties()).containsOnly(
                Map.entry(TimeoutBudget.timeoutKey("default"), 12_500L),
                Map.entry(TimeoutBudget.timeoutKey("order-service"), 27_500L));
    }

    @Test
    void changingOneRibbonSettingMovesTheHystrixTimeoutWithIt() {
        Map<String, Object> settings = new HashMap<>(Map.of("product-service.ribbon.ReadTimeout", "2000",
                "ribbon.ConnectTimeout", "1000", "ribbon.MaxAutoRetriesNextServer", "1"));
        assertThat(new TimeoutBudget(environment(settings)).hystrixTimeoutMs("product-service")).isEqualTo(6_500);
        settings.put("product-service.ribbon.MaxAutoRetries", "1");
        assertThat(new TimeoutBudget(environment(settings)).hystrixTimeoutMs("product-service")).isEqualTo(12_500);
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}

package dev.msakit.platform.client;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the Hystrix timeouts {@link TimeoutBudget} derives from Ribbon's settings below everything else, so that a
 * timeout set explicitly anywhere still wins. Runs after the platform defaults are in, so their Ribbon settings count.
 */
public class TimeoutBudgetEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "msa-kit timeout budget";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(
                new MapPropertySource(SOURCE, new TimeoutBudget(environment).hystrixProperties()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package dev.msakit.platform.client;

import dev.msakit.platform.web.config.PlatformDefaultsEnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Adds the Hystrix timeouts {@link TimeoutBudget} derives from Ribbon's settings below the application's own files and
 * the environment, so that a timeout set explicitly anywhere still wins. Runs after the platform defaults are in, so
 * their Ribbon settings count.
 */
public class TimeoutBudgetEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "msa-kit timeout budget";
    /** Where Spring Cloud merges the bootstrap environment's sources into the application's, below its files. */
    private static final String DEFAULT_PROPERTIES = "defaultProperties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (PlatformDefaultsEnvironmentPostProcessor.isBootstrap(environment)) {
            // Computed there, the budget would miss the application's own Ribbon settings and, merged into the
            // application's defaults, would shadow the right one (seen: the gateway's 12.5 s came out as 8.5 s).
            return;
        }
        MapPropertySource budget = new MapPropertySource(SOURCE, new TimeoutBudget(environment).hystrixProperties());
        if (sources.contains(DEFAULT_PROPERTIES)) {
            sources.addBefore(DEFAULT_PROPERTIES, budget);
        } else {
            sources.addLast(budget);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

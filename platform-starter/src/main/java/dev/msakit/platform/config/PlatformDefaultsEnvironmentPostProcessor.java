package dev.msakit.platform.config;

import dev.msakit.platform.client.TimeoutBudget;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Adds {@code platform-defaults.yml} (discovery, timeouts, actuator, shutdown) with the lowest precedence, so every
 * service gets the same tuned defaults while its own application.yml and the environment still override them.
 * Runs last, after Boot has loaded the application's own files, so that adding at the end really means lowest.
 * For each active profile a {@code platform-defaults-<profile>.yml}, when present, goes just above the base file
 * (the {@code docker} profile's container networking lives there, once for every service). Last of all, the Hystrix
 * timeouts that {@link TimeoutBudget} derives from Ribbon's settings.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "platform-defaults.yml";
    static final String TIMEOUT_BUDGET = "platform-timeout-budget";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        String[] profiles = environment.getActiveProfiles();
        // Last active profile wins, as with Boot's own profile files: add it first, the base file at the very end.
        for (int i = profiles.length - 1; i >= 0; i--) {
            addLast(environment, "platform-defaults-" + profiles[i] + ".yml");
        }
        addLast(environment, SOURCE);
        // Below everything, so that a timeout set explicitly anywhere still wins; computed once Ribbon's
        // settings from every file are known.
        environment.getPropertySources().addLast(
                new MapPropertySource(TIMEOUT_BUDGET, new TimeoutBudget(environment).hystrixProperties()));
    }

    private static void addLast(ConfigurableEnvironment environment, String name) {
        ClassPathResource resource = new ClassPathResource(name);
        if (!resource.exists()) {
            return;
        }
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(name, resource);
            sources.forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

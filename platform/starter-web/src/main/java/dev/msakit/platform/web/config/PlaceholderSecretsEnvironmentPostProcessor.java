package dev.msakit.platform.web.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Refuses to start with a secret still set to an example's placeholder ({@code change-me-...}, as in .env.example
 * and the Kubernetes secrets.env.example): copying the example and forgetting one value must not ship a password
 * everyone can read on GitHub. Secrets are the environment variables named like one (…PASSWORD, …SECRET, …_KEY,
 * …_PEM). The development values of dev.env are not placeholders and pass.
 */
public class PlaceholderSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PLACEHOLDER_PREFIX = "change-me";
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|_PEM)$");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> variables = environment.getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        if (!(variables instanceof EnumerablePropertySource)) {
            return;
        }
        List<String> placeholders = placeholders((EnumerablePropertySource<?>) variables);
        if (!placeholders.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join(", ", placeholders)
                    + " still set to the example's placeholder (" + PLACEHOLDER_PREFIX + "...): set real secrets");
        }
    }

    static List<String> placeholders(EnumerablePropertySource<?> variables) {
        TreeSet<String> found = new TreeSet<>();
        for (String name : variables.getPropertyNames()) {
            Object value = variables.getProperty(name);
            if (SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches() && value != null
                    && value.toString().trim().toLowerCase(Locale.ROOT).startsWith(PLACEHOLDER_PREFIX)) {
                found.add(name);
            }
        }
        return List.copyOf(found);
    }
}

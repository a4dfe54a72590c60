package dev.msakit.platform.web.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Adds the defaults of every platform starter on the class path ({@code META-INF/msa-kit/defaults/<starter>.yml}:
 * each starter ships the settings of its own concern) with the lowest precedence, so every process gets the same
 * tuned defaults while its own application.yml and the environment still override them. For each active profile,
 * {@code META-INF/msa-kit/defaults/<profile>/<starter>.yml} goes just above the base files (the {@code docker}
 * profile's container networking lives there, once for every process). Runs after Boot has loaded the
 * application's own files, so that adding at the end really means lowest.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String LOCATION = "classpath*:META-INF/msa-kit/defaults/";
    /** Before the other platform post-processors, which read these defaults (the timeout budget). */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (isBootstrap(environment)) {
            // What is added there ends up merged into the application's defaults, above what this adds to the
            // application itself; the bootstrap context needs none of it.
            return;
        }
        String[] profiles = environment.getActiveProfiles();
        // Last active profile wins, as with Boot's own profile files: add it first, the base files at the very end.
        for (int i = profiles.length - 1; i >= 0; i--) {
            addLast(environment, LOCATION + profiles[i] + "/*.yml", "[" + profiles[i] + "]");
        }
        addLast(environment, LOCATION + "*.yml", "");
    }

    private static void addLast(ConfigurableEnvironment environment, String pattern, String profileTag) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                String name = "msa-kit defaults " + file.getFilename() + profileTag;
                if (environment.getPropertySources().contains(name)) {
                    continue;
                }
                List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(name, file);
                sources.forEach(source -> environment.getPropertySources().addLast(source));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the platform defaults " + pattern, e);
        }
    }

    /**
     * Whether this is Spring Cloud's bootstrap environment (it carries a source named "bootstrap"), which has not
     * read the application's own files yet.
     */
    public static boolean isBootstrap(ConfigurableEnvironment environment) {
        return environment.getPropertySources().contains("bootstrap");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

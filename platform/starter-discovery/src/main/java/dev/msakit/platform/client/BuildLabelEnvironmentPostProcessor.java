package dev.msakit.platform.client;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code platform.instance.build}: the build an instance runs, from the build-info.properties the Boot plugin writes
 * into every application jar ("1.0.0-SNAPSHOT+20261125.231000": version and build time, so two builds of one
 * snapshot differ). Registered in Eureka as the "version" metadata (INSTANCE_VERSION overrides it), which the
 * canary reports, Admin and ./msa status show.
 */
public class BuildLabelEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "platform.instance.build";
    private static final String BUILD_INFO = "META-INF/build-info.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains("msa-kit build label")) {
            return;
        }
        label(new ClassPathResource(BUILD_INFO, application.getClassLoader())).ifPresent(label ->
                environment.getPropertySources().addLast(new MapPropertySource("msa-kit build label",
                        Map.of(PROPERTY, label))));
    }

    static Optional<String> label(Resource buildInfo) {
        if (!buildInfo.exists()) {
            return Optional.empty();
        }
        Properties build = new Properties();
        try (InputStream in = buildInfo.getInputStream()) {
            build.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = build.getProperty("build.version", "unknown");
        String time = build.getProperty("build.time", "");
        // 2026-11-25T23:10:00.123Z -> 20261125.231000
        String compact = time.length() >= 19 ? time.substring(0, 19).replace("-", "").replace(":", "")
                .replace('T', '.') : "";
        return Optional.of(compact.isEmpty() ? version : version + '+' + compact);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

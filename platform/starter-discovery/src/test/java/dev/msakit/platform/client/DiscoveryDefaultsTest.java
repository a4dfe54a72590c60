package dev.msakit.platform.client;

import dev.msakit.platform.web.config.PlatformDefaultsEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The discovery starter's defaults as an application gets them: base, docker profile, and the derived timeouts. */
class DiscoveryDefaultsTest {

    @Test
    void containersRegisterTheirAddressHostsTheirName() {
        assertThat(processed("docker").getProperty("eureka.instance.prefer-ip-address")).isEqualTo("true");
        assertThat(processed().getProperty("eureka.instance.prefer-ip-address")).isNull();
        assertThat(processed().getProperty("eureka.instance.hostname")).isEqualTo("localhost");
    }

    @Test
    void hystrixTimeoutsFollowTheDefaultRibbonSettings() {
        // (1000 + 3000) x (0 + 1) x (1 + 1) + 500
        assertThat(processed().getProperty(TimeoutBudget.timeoutKey("default"))).isEqualTo("8500");
    }

    @Test
    void theApplicationsRibbonSettingsCountAndABootstrapBudgetDoesNotShadowThem() {
        // As Spring Cloud leaves it: what the bootstrap context computed, merged below the application's files.
        StandardEnvironment bootstrap = new StandardEnvironment();
        bootstrap.getPropertySources().addFirst(new MapPropertySource("bootstrap", Map.of()));
        new TimeoutBudgetEnvironmentPostProcessor().postProcessEnvironment(bootstrap, new SpringApplication());
        assertThat(bootstrap.getProperty(TimeoutBudget.timeoutKey("default"))).as("not computed in bootstrap").isNull();

        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml",
                Map.of("ribbon.MaxAutoRetriesNextServer", "2")));
        environment.getPropertySources().addLast(new MapPropertySource("defaultProperties",
                Map.of(TimeoutBudget.timeoutKey("default"), "8500")));
        new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        new TimeoutBudgetEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        // (1000 + 3000) x 1 x 3 + 500, as the gateway's two next servers ask.
        assertThat(environment.getProperty(TimeoutBudget.timeoutKey("default"))).isEqualTo("12500");
    }

    @Test
    void instancesRegisterTheirBuildAndRoleAsLabels() {
        StandardEnvironment environment = processed();
        environment.getPropertySources().addLast(new MapPropertySource("build",
                Map.of(BuildLabelEnvironmentPostProcessor.PROPERTY, "1.0.0+20261125.231000")));
        assertThat(environment.getProperty("eureka.instance.metadata-map.version")).isEqualTo("1.0.0+20261125.231000");
        assertThat(environment.getProperty("eureka.instance.metadata-map.role")).isEqualTo("prod");
        environment.getPropertySources().addFirst(new MapPropertySource("env",
                Map.of("INSTANCE_VERSION", "2.0.0-rc1", "INSTANCE_ROLE", "canary")));
        assertThat(environment.getProperty("eureka.instance.metadata-map.version")).isEqualTo("2.0.0-rc1");
        assertThat(environment.getProperty("eureka.instance.metadata-map.role")).isEqualTo("canary");
    }

    @Test
    void theBuildLabelIsVersionPlusBuildTime() {
        org.springframework.core.io.ByteArrayResource buildInfo = new org.springframework.core.io.ByteArrayResource(
                "build.version=1.0.0-SNAPSHOT\nbuild.time=2026-11-25T23\\:10\\:00.123Z\n".getBytes()) {
            @Override
            public boolean exists() {
                return true;
            }
        };
        assertThat(BuildLabelEnvironmentPostProcessor.label(buildInfo)).contains("1.0.0-SNAPSHOT+20261125.231000");
    }

    private static StandardEnvironment processed(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        new TimeoutBudgetEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}

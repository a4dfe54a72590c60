package dev.msakit.platform.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformDefaultsEnvironmentPostProcessorTest {

    private final PlatformDefaultsEnvironmentPostProcessor processor = new PlatformDefaultsEnvironmentPostProcessor();

    @Test
    void dockerProfileDefaultsOverrideTheBaseDefaultsButNotTheApplication() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("chaos-monkey", "docker");
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Collections.singletonMap("spring.output.ansi.enabled", "always")));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("eureka.instance.prefer-ip-address")).isEqualTo("true");
        assertThat(environment.getProperty("spring.output.ansi.enabled")).isEqualTo("always");
        assertThat(environment.getProperty("ribbon.ConnectTimeout")).isNotNull();
    }

    @Test
    void aServiceAddsActuatorEndpointsToThePlatformList() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Collections.singletonMap("platform.actuator.expose-also", "routes,ribbon")));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .startsWith("health,info,metrics,hystrix.stream").endsWith(",scheduledtasks,routes,ribbon");

        StandardEnvironment withoutExtras = new StandardEnvironment();
        processor.postProcessEnvironment(withoutExtras, new SpringApplication());
        assertThat(withoutExtras.getProperty("management.endpoints.web.exposure.include"))
                .endsWith(",scheduledtasks,health");
    }

    @Test
    void withoutTheDockerProfileInstancesRegisterByHostname() {
        StandardEnvironment environment = new StandardEnvironment();

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("eureka.instance.prefer-ip-address")).isNull();
        assertThat(environment.getPropertySources().contains("platform-defaults.yml")).isTrue();
    }
}

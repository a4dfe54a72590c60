package dev.msakit.platform.web.config;

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
        StandardEnvironment docker = new StandardEnvironment();
        docker.setActiveProfiles("chaos-monkey", "docker");
        processor.postProcessEnvironment(docker, new SpringApplication());
        assertThat(docker.getProperty("spring.output.ansi.enabled")).isEqualTo("never");
        assertThat(docker.getProperty("example.setting")).as("another starter's docker file").isEqualTo("docker");
        assertThat(docker.getProperty("server.shutdown")).isEqualTo("graceful");

        StandardEnvironment application = new StandardEnvironment();
        application.setActiveProfiles("docker");
        application.getPropertySources().addFirst(new MapPropertySource("application",
                Collections.singletonMap("spring.output.ansi.enabled", "always")));
        processor.postProcessEnvironment(application, new SpringApplication());
        assertThat(application.getProperty("spring.output.ansi.enabled")).isEqualTo("always");
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
    void everyStartersBaseDefaultsApplyWithoutTheDockerProfile() {
        StandardEnvironment environment = new StandardEnvironment();

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.output.ansi.enabled")).isNull();
        assertThat(environment.getProperty("example.setting")).isEqualTo("base");
        assertThat(environment.getPropertySources().contains("msa-kit defaults web.yml")).isTrue();
    }
}

package dev.msakit.platform.web.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceholderSecretsEnvironmentPostProcessorTest {

    private final PlaceholderSecretsEnvironmentPostProcessor guard = new PlaceholderSecretsEnvironmentPostProcessor();

    @Test
    void aSecretLeftAtTheExamplesPlaceholderStopsTheStartAndIsNamed() {
        MockEnvironment environment = withVariables(Map.of("EUREKA_PASSWORD", "change-me-eureka",
                "JWT_KEY_ENCRYPTION_KEY", "Change-Me-jwt", "DB_PASSWORD", "a-real-one",
                "EUREKA_USER", "change-me-is-not-a-secret-name"));
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("EUREKA_PASSWORD, JWT_KEY_ENCRYPTION_KEY still set")
                .hasMessageNotContaining("DB_PASSWORD").hasMessageNotContaining("EUREKA_USER");
    }

    @Test
    void developmentValuesPass() {
        MockEnvironment environment = withVariables(Map.of("EUREKA_PASSWORD", "dev-eureka-password",
                "ORDER_SERVICE_CLIENT_SECRET", "dev-order-service-secret"));
        assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    private static MockEnvironment withVariables(Map<String, Object> variables) {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }
}

package dev.msakit.eureka;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // No start-up window of refused reads here (see EmptyRegistryProtectionTest for that).
        properties = {"EUREKA_USER=registry", "EUREKA_PASSWORD=test-secret", "EUREKA_WAIT_WHEN_EMPTY_MS=0"})
class RegistrySecurityTest {

    @Autowired
    private TestRestTemplate rest;

    @Test
    void refusesAnonymousRegistryReads() {
        ResponseEntity<String> response = rest.getForEntity("/eureka/apps", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesWrongPassword() {
        ResponseEntity<String> response = rest.withBasicAuth("registry", "guess").getForEntity("/eureka/apps",
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void servesRegistryWithCredentials() {
        ResponseEntity<String> response = rest.withBasicAuth("registry", "test-secret").getForEntity("/eureka/apps",
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("applications");
    }

    @Test
    void healthIsOpenForProbes() {
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}

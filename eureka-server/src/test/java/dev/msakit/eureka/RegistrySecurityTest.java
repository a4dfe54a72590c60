package dev.msakit.eureka;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // No start-up window of refused reads here (see EmptyRegistryProtectionTest for that).
        properties = {"EUREKA_USER=registry", "EUREKA_PASSWORD=test-secret", "EUREKA_WAIT_WHEN_EMPTY_MS=0",
                "REGISTRY_ACCOUNTS=member-service=member-secret,product-service=product-secret",
                "ACTUATOR_USER=actuator", "ACTUATOR_PASSWORD=actuator-secret"})
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
    void anApplicationRegistersAndRenewsItsOwnInstancesOnly() {
        TestRestTemplate member = rest.withBasicAuth("member-service", "member-secret");
        assertThat(member.getForEntity("/eureka/apps", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(register(member, "MEMBER-SERVICE", "member-1").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(member.exchange("/eureka/apps/MEMBER-SERVICE/member-1", HttpMethod.PUT, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // Posing as another application: refused, and nothing appears under its name.
        assertThat(register(member, "PRODUCT-SERVICE", "fake-product").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("registry", "test-secret")
                .getForEntity("/eureka/apps/PRODUCT-SERVICE", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        TestRestTemplate product = rest.withBasicAuth("product-service", "product-secret");
        assertThat(product.exchange("/eureka/apps/MEMBER-SERVICE/member-1", HttpMethod.DELETE, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(product.exchange("/eureka/apps/MEMBER-SERVICE/member-1/metadata?role=canary", HttpMethod.PUT,
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // Replication between registries is the registry account's.
        assertThat(member.postForEntity("/eureka/peerreplication/batch", new HttpEntity<>("{}", json()),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theActuatorAccountReadsTheActuatorAndNothingElse() {
        TestRestTemplate actuator = rest.withBasicAuth("actuator", "actuator-secret");
        assertThat(actuator.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(register(actuator, "MEMBER-SERVICE", "member-2").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("member-service", "member-secret").getForEntity("/actuator/env", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static ResponseEntity<String> register(TestRestTemplate client, String app, String instanceId) {
        String instance = "{\"instance\":{\"instanceId\":\"" + instanceId + "\",\"hostName\":\"localhost\","
                + "\"app\":\"" + app + "\",\"ipAddr\":\"127.0.0.1\",\"status\":\"UP\","
                + "\"port\":{\"$\":8081,\"@enabled\":\"true\"},\"dataCenterInfo\":{\"@class\":"
                + "\"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo\",\"name\":\"MyOwn\"}}}";
        return client.postForEntity("/eureka/apps/" + app, new HttpEntity<>(instance, json()), String.class);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    @Test
    void healthIsOpenForProbes() {
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}

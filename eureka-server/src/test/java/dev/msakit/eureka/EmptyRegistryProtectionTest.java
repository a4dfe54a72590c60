package dev.msakit.eureka;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registry that has just (re)started knows no instance yet. Handing out that empty list would make every client
 * forget every instance, so for a while it refuses reads (clients keep their cached copy) but takes registrations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"EUREKA_USER=registry", "EUREKA_PASSWORD=test-secret", "EUREKA_WAIT_WHEN_EMPTY_MS=60000"})
class EmptyRegistryProtectionTest {

    @Autowired
    private TestRestTemplate rest;

    @Test
    void refusesReadsWhileEmptyButTakesRegistrations() {
        TestRestTemplate registry = rest.withBasicAuth("registry", "test-secret");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String instance = "{\"instance\":{\"instanceId\":\"probe:1\",\"hostName\":\"localhost\",\"app\":\"PROBE\","
                + "\"ipAddr\":\"127.0.0.1\",\"status\":\"UP\",\"port\":{\"$\":8080,\"@enabled\":\"true\"},"
                + "\"dataCenterInfo\":{\"@class\":\"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo\","
                + "\"name\":\"MyOwn\"}}}";

        ResponseEntity<String> registered = registry.postForEntity("/eureka/apps/PROBE",
                new HttpEntity<>(instance, headers), String.class);
        ResponseEntity<String> read = registry.getForEntity("/eureka/apps", String.class);

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}

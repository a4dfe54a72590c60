package dev.msakit.release.canary;

import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;

/**
 * Whether a release's instance answers at all (its liveness, no account needed). The registry keeps a killed
 * instance UP for up to its lease (15 s here); a refused connection says at once that the canary is gone.
 */
@Component
public class InstanceProbe {

    private final RestTemplate http;

    public InstanceProbe(RestTemplateBuilder builder) {
        this.http = builder.setConnectTimeout(Duration.ofMillis(500)).setReadTimeout(Duration.ofSeconds(1)).build();
    }

    public boolean answers(ServiceInstance instance) {
        try {
            return http.getForEntity(instance.getUri() + "/actuator/health/liveness", String.class)
                    .getStatusCode().is2xxSuccessful();
        } catch (RestClientException down) {
            return false;
        }
    }
}

package dev.msakit.order.client;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

import javax.validation.constraints.NotBlank;

/** order-service's own service account at member-service. */
@ConfigurationProperties("order.service-client")
@ConstructorBinding
@Validated
public class ServiceClientProperties {

    @NotBlank
    private final String id;
    @NotBlank
    private final String secret;

    public ServiceClientProperties(String id, String secret) {
        this.id = id;
        this.secret = secret;
    }

    public String getId() {
        return id;
    }

    public String getSecret() {
        return secret;
    }
}

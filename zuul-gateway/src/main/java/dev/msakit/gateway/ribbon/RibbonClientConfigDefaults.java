package dev.msakit.gateway.ribbon;

import com.netflix.client.config.CommonClientConfigKey;
import com.netflix.client.config.IClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.netflix.ribbon.RibbonClientConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Each service's Ribbon client configuration in the gateway (its child context per service), set up exactly as Spring
 * Cloud's {@link RibbonClientConfiguration} does, but as a {@link LookupCachingClientConfig}. Deliberately not a
 * {@code @Configuration}: component scanning must not put it into the main context.
 */
public class RibbonClientConfigDefaults {

    @Bean
    public IClientConfig ribbonClientConfig(@Value("${ribbon.client.name}") String name, Environment environment) {
        LookupCachingClientConfig config = new LookupCachingClientConfig();
        config.loadProperties(name);
        config.set(CommonClientConfigKey.ConnectTimeout, environment.getProperty("ribbon.ConnectTimeout",
                Integer.class, RibbonClientConfiguration.DEFAULT_CONNECT_TIMEOUT));
        config.set(CommonClientConfigKey.ReadTimeout, environment.getProperty("ribbon.ReadTimeout",
                Integer.class, RibbonClientConfiguration.DEFAULT_READ_TIMEOUT));
        config.set(CommonClientConfigKey.GZipPayload, RibbonClientConfiguration.DEFAULT_GZIP_PAYLOAD);
        return config;
    }
}

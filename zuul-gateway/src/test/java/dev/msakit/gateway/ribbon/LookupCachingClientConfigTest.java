package dev.msakit.gateway.ribbon;

import com.netflix.client.config.CommonClientConfigKey;
import com.netflix.client.config.DefaultClientConfigImpl;
import com.netflix.client.config.IClientConfig;
import com.netflix.client.config.IClientConfigKey;
import com.netflix.config.ConfigurationManager;
import org.apache.commons.configuration.AbstractConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LookupCachingClientConfigTest {

    private static final List<IClientConfigKey<?>> KEYS = List.of(CommonClientConfigKey.ReadTimeout,
            CommonClientConfigKey.ConnectTimeout, CommonClientConfigKey.MaxAutoRetries,
            CommonClientConfigKey.MaxAutoRetriesNextServer, CommonClientConfigKey.OkToRetryOnAllOperations,
            CommonClientConfigKey.IsSecure, CommonClientConfigKey.GZipPayload, CommonClientConfigKey.FollowRedirects,
            CommonClientConfigKey.ServerListRefreshInterval);

    private final AbstractConfiguration archaius = ConfigurationManager.getConfigInstance();

    @AfterEach
    void clear() {
        for (String name : List.of("catalog.ribbon.ReadTimeout", "ribbon.ReadTimeout", "ribbon.MaxAutoRetries",
                "catalog.ribbon.OkToRetryOnAllOperations")) {
            archaius.clearProperty(name);
        }
    }

    @Test
    void readsWhatRibbonsOwnConfigReadsForEverySetting() {
        archaius.setProperty("catalog.ribbon.ReadTimeout", "1234");
        archaius.setProperty("ribbon.ReadTimeout", "999");
        archaius.setProperty("ribbon.MaxAutoRetries", "2");
        archaius.setProperty("catalog.ribbon.OkToRetryOnAllOperations", "true");
        IClientConfig ribbons = configured(new DefaultClientConfigImpl());
        IClientConfig ours = configured(new LookupCachingClientConfig());

        for (int round = 0; round < 2; round++) {
            for (IClientConfigKey<?> key : KEYS) {
                assertThat(ours.get(key)).as(key.key()).isEqualTo(ribbons.get(key));
            }
        }
        assertThat(ours.get(CommonClientConfigKey.ReadTimeout)).isEqualTo(1234);
        assertThat(ours.get(CommonClientConfigKey.MaxAutoRetries)).isEqualTo(2);
        assertThat(ours.get(CommonClientConfigKey.ConnectTimeout)).isEqualTo(250);
    }

    /**
     * Cached are the places to look, not the values: a change in Archaius is seen at once, step by step as Ribbon's
     * own config sees it (which forgets the value set in code once the client's property is removed again).
     */
    @Test
    void seesAChangedPropertyAtOnce() {
        IClientConfig ribbons = configured(new DefaultClientConfigImpl());
        IClientConfig ours = configured(new LookupCachingClientConfig());
        assertThat(ours.get(CommonClientConfigKey.ReadTimeout)).isEqualTo(500);

        archaius.setProperty("ribbon.ReadTimeout", "999");
        assertThat(ours.get(CommonClientConfigKey.ReadTimeout)).isEqualTo(999)
                .isEqualTo(ribbons.get(CommonClientConfigKey.ReadTimeout));
        archaius.setProperty("catalog.ribbon.ReadTimeout", "1234");
        assertThat(ours.get(CommonClientConfigKey.ReadTimeout)).isEqualTo(1234)
                .isEqualTo(ribbons.get(CommonClientConfigKey.ReadTimeout));
        archaius.clearProperty("catalog.ribbon.ReadTimeout");
        assertThat(ours.get(CommonClientConfigKey.ReadTimeout)).isEqualTo(999)
                .isEqualTo(ribbons.get(CommonClientConfigKey.ReadTimeout));
        archaius.clearProperty("ribbon.ReadTimeout");
        assertThat(ours.get(CommonClientConfigKey.ReadTimeout))
                .isEqualTo(ribbons.get(CommonClientConfigKey.ReadTimeout));
    }

    /** As Spring Cloud's RibbonClientConfiguration sets a client up: name, then settings made in code. */
    private static IClientConfig configured(DefaultClientConfigImpl config) {
        config.loadProperties("catalog");
        config.set(CommonClientConfigKey.ConnectTimeout, 250);
        config.set(CommonClientConfigKey.ReadTimeout, 500);
        return config;
    }
}

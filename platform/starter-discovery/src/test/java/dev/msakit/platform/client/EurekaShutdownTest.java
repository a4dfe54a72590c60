package dev.msakit.platform.client;

import com.netflix.appinfo.ApplicationInfoManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.commons.util.InetUtils;
import org.springframework.cloud.commons.util.InetUtilsProperties;
import org.springframework.cloud.netflix.eureka.CloudEurekaClient;
import org.springframework.cloud.netflix.eureka.EurekaClientConfigBean;
import org.springframework.cloud.netflix.eureka.EurekaInstanceConfigBean;
import org.springframework.cloud.netflix.eureka.InstanceInfoFactory;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registering Eureka client's shutdown (the application's graceful stop) without eureka-client's fixed 3 s wait
 * for its replicator. The registry it talks to is not there: deregistering fails at once, as it logs.
 */
class EurekaShutdownTest {

    @Test
    void aRegisteringClientClosesWithoutWaitingForItsReplicator() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EurekaShutdownAutoConfiguration.class))
                .withBean(CloudEurekaClient.class, EurekaShutdownTest::registeringClient,
                        definition -> definition.setDestroyMethodName("shutdown"))
                .run(context -> {
                    assertThat(context).hasSingleBean(CloudEurekaClient.class);
                    long started = System.nanoTime();
                    context.close();
                    // Without the release the replicator's scheduler alone holds the close for 3 s.
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
                });
    }

    @Test
    void aClientThatDoesNotRegisterHasNoReplicatorToRelease() {
        CloudEurekaClient client = client(false);
        try {
            assertThat(EurekaShutdownAutoConfiguration.EurekaReplicatorRelease.releaseOnShutdown(client)).isFalse();
        } finally {
            client.shutdown();
        }
    }

    private static CloudEurekaClient registeringClient() {
        return client(true);
    }

    private static CloudEurekaClient client(boolean registers) {
        EurekaInstanceConfigBean instance = new EurekaInstanceConfigBean(new InetUtils(new InetUtilsProperties()));
        instance.setAppname("shutdown-probe");
        instance.setInstanceId("shutdown-probe:1");
        ApplicationInfoManager manager = new ApplicationInfoManager(instance, new InstanceInfoFactory().create(instance));
        EurekaClientConfigBean config = new EurekaClientConfigBean();
        config.setRegisterWithEureka(registers);
        config.setFetchRegistry(false);
        config.setServiceUrl(Map.of(EurekaClientConfigBean.DEFAULT_ZONE, "http://127.0.0.1:9/eureka/"));
        return new CloudEurekaClient(manager, config, event -> { });
    }
}

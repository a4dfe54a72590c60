package dev.msakit.systemtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml's broker healthcheck, run as the container runs it (bash -c) against the suite's real broker:
 * it asks over the Kafka protocol, so a broker answers and anything else on the port does not. The container check
 * (.ci/run) runs it inside the stand-in broker's container; this one fails on the developer's machine already.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class ComposeHealthcheckIT {

    /** Where the check asks inside the broker's container. */
    private static final String CONTAINER_BROKER = "/dev/tcp/127.0.0.1/9092";

    private Suite suite;

    @BeforeAll
    void useSuite(Suite suite) {
        this.suite = suite;
    }

    @Test
    void theBrokersHealthcheckIsAnsweredByTheBrokerAndByNothingElse() throws Exception {
        String check = brokerHealthcheck();
        assertThat(check).contains(CONTAINER_BROKER).doesNotContain("kafka-broker-api-versions");

        assertThat(run(check, suite.kafkaPort)).as("the suite's broker on its Kafka port").isZero();
        assertThat(run(check, suite.kafka.port())).as("an HTTP server (the broker's own health port)").isNotZero();
        assertThat(run(check, closedPort())).as("nothing listening").isNotZero();
    }

    /** The bash script of the kafka service's healthcheck, with compose's $$ read as $. */
    @SuppressWarnings("unchecked")
    private String brokerHealthcheck() throws IOException {
        Path compose = Paths.get(System.getProperty("suite.root", "..")).resolve("docker-compose.yml");
        Map<String, Object> file;
        try (Reader reader = Files.newBufferedReader(compose)) {
            file = new Yaml().load(reader);
        }
        Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) file.get("services")).get("kafka");
        List<String> test = (List<String>) ((Map<String, Object>) kafka.get("healthcheck")).get("test");
        assertThat(test.subList(0, 3)).as("run by bash, not a shell without /dev/tcp")
                .containsExactly("CMD", "bash", "-c");
        return test.get(3).replace("$$", "$");
    }

    private static int run(String check, int port) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", check.replace(CONTAINER_BROKER, "/dev/tcp/127.0.0.1/" + port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // compose gives the check 10 s; the script bounds its own read at 5.
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).as("the check ends within compose's timeout").isTrue();
        return bash.exitValue();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

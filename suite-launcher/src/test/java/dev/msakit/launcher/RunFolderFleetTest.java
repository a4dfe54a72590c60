package dev.msakit.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** ./msa's run folder as the rollout reads and writes it, with real (stand-in) processes. */
class RunFolderFleetTest {

    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    private final SuiteDeclaration.Process product = SuiteDeclaration.read(ROOT).named("product-service");
    private final List<Process> started = new ArrayList<>();
    private final List<Long> startedByTheFleet = new ArrayList<>();

    @TempDir
    Path run;

    @AfterEach
    void stopStandIns() {
        started.forEach(Process::destroyForcibly);
        startedByTheFleet.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void theOldInstancesAreTheServiceAndItsScaledCopiesInNumberOrderNotAReleasesOwn() throws IOException {
        record("product-service-10", 1, 9082);
        record("product-service", 1, 8082);
        record("product-service-2", 1, 8182);
        record("product-service-canary", 1, 8583);
        record("product-service-baseline", 1, 8582);
        record("order-service", 1, 8083);

        assertThat(fleet(run.resolve("new.jar")).oldInstances()).extracting(instance -> instance.name + ":"
                + instance.port).containsExactly("product-service:8082", "product-service-2:8182",
                "product-service-10:9082");
    }

    @Test
    void stopEndsTheProcessGracefullyAndForgetsIt() throws Exception {
        Process old = standIn("trap 'exit 0' TERM; echo ready; while true; do sleep 0.1; done");
        // Its trap set before the signal comes.
        assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(old.getInputStream())).readLine())
                .isEqualTo("ready");
        record("product-service", old.pid(), 8082);
        RunFolderFleet fleet = fleet(run.resolve("new.jar"));
        Rollout.Instance instance = fleet.oldInstances().get(0);
        assertThat(fleet.isRunning(instance)).isTrue();

        fleet.stop(instance);

        assertThat(old.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(old.exitValue()).as("SIGTERM, not SIGKILL").isZero();
        assertThat(run.resolve("pids/product-service.pid")).doesNotExist();
        assertThat(run.resolve("pids/product-service.endpoint")).doesNotExist();
        assertThat(fleet.isRunning(instance)).isFalse();
    }

    @Test
    void theNewVersionRunsFromItsOwnCopyOfTheJarOnTheOldPortWithItsLogAndPidRecorded() throws Exception {
        Path newJar = Files.write(run.resolve("canary.jar"), new byte[] {1, 2, 3});
        List<String> launched = new ArrayList<>();
        RunFolderFleet fleet = new RunFolderFleet(run, product, newJar, (instance, jar) -> {
            launched.add(instance + " " + run.relativize(jar));
            return List.of("sh", "-c", "echo started on port $PORT; exec sleep 30");
        });
        Rollout.Instance instance = new Rollout.Instance("product-service-2", 8182);

        fleet.startNewVersion(instance);

        assertThat(launched).containsExactly("product-service-2 jars/product-service-2.jar");
        assertThat(run.resolve("jars/product-service-2.jar")).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(run.resolve("jars/product-service.jar")).as("what later starts of the service run")
                .hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(run.resolve("pids/product-service-2.endpoint")).hasContent("8182 /actuator/health/readiness");
        long pid = Long.parseLong(Files.readAllLines(run.resolve("pids/product-service-2.pid")).get(0));
        startedByTheFleet.add(pid);
        assertThat(fleet.isRunning(instance)).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(fleet.logTail(instance))
                .isEqualTo("started on port 8182"));
        assertThat(fleet.healthUrl(instance)).isEqualTo("http://localhost:8182/actuator/health/readiness");
        fleet.stop(instance);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void theGatewaysAreTheRunningOnes() throws IOException {
        Process gateway = standIn("exec sleep 30");
        record("zuul-gateway", gateway.pid(), 8080);
        Process gone = standIn("exit 0");
        record("zuul-gateway-2", gone.pid(), 8180);
        record("zuul-gateway-canary-notes", gateway.pid(), 8181);

        await().atMost(Duration.ofSeconds(5)).until(() -> !gone.isAlive());
        assertThat(fleet(run.resolve("new.jar")).gateways()).containsExactly("http://localhost:8080");
    }

    private RunFolderFleet fleet(Path newJar) {
        return new RunFolderFleet(run, product, newJar, (instance, jar) -> List.of("false"));
    }

    private void record(String instance, long pid, int port) throws IOException {
        Path pids = Files.createDirectories(run.resolve("pids"));
        Files.write(pids.resolve(instance + ".pid"), List.of(Long.toString(pid)));
        Files.write(pids.resolve(instance + ".endpoint"), List.of(port + " /actuator/health/readiness"));
    }

    private Process standIn(String script) throws IOException {
        Process process = new ProcessBuilder("sh", "-c", script).start();
        started.add(process);
        return process;
    }
}

package dev.msakit.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** ./msa's suite in its run folder, with stand-in processes instead of the services. */
class RunFolderSuiteTest {

    private static final SuiteDeclaration DECLARATION = SuiteDeclaration.read(Paths.get("..").toAbsolutePath()
            .normalize());
    private final SuiteDeclaration.Process product = DECLARATION.named("product-service");
    private final List<String> said = new ArrayList<>();
    private final List<String> launched = new ArrayList<>();

    @TempDir
    Path root;
    private RunFolderSuite suite;

    @AfterEach
    void stopStandIns() throws Exception {
        for (String instance : suite.runFolder().instances()) {
            suite.runFolder().process(instance).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aServiceRunsACopyOfItsJarAndAScaledInstanceRunsWhatTheServiceRuns() throws Exception {
        Files.createDirectories(root.resolve("product-service/target"));
        Files.write(root.resolve("product-service/target/product-service.jar"), new byte[] {1});
        suite = suite();

        suite.start(product);
        assertThat(root.resolve(".run/jars/product-service.jar")).hasBinaryContent(new byte[] {1});
        assertThat(root.resolve(".run/pids/product-service.endpoint")).hasContent("8082 /actuator/health/readiness");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(suite.runFolder().logTail("product-service")).isEqualTo("product-service on 8082"));

        // A rollout left the new version as what the service runs; a rebuild changed the module's jar.
        Files.write(root.resolve(".run/jars/product-service.jar"), new byte[] {2});
        Files.write(root.resolve("product-service/target/product-service.jar"), new byte[] {3});
        suite.start(product, "product-service-2", 8182);
        assertThat(root.resolve(".run/jars/product-service-2.jar")).hasBinaryContent(new byte[] {2});

        suite.start(product);
        assertThat(said).last().asString().startsWith("product-service already running (pid ");
        assertThat(launched).containsExactly("product-service .run/jars/product-service.jar",
                "product-service-2 .run/jars/product-service-2.jar");
    }

    @Test
    void aServicesInstancesAreItAndItsScaledCopiesNotAReleasesOwnAndOneThatExitedIsShownByItsLog()
            throws Exception {
        Files.createDirectories(root.resolve("product-service/target"));
        Files.write(root.resolve("product-service/target/product-service.jar"), new byte[] {1});
        suite = suite();
        suite.start(product);
        suite.start(product, "product-service-2", 8182);
        suite.runFolder().start("product-service-canary", 8583, product.health, List.of("sleep", "30"));

        assertThat(suite.instances(product)).containsExactly("product-service", "product-service-2");
        assertThat(suite.exited(product)).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                suite.runFolder().logTail("product-service-2").equals("product-service-2 on 8182"));

        suite.runFolder().process("product-service-2").orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(5)).until(() -> suite.exited(product).isPresent());
        assertThat(suite.exited(product).orElseThrow()).contains("product-service-2 on 8182")
                .contains("logs/product-service-2.log");
    }

    private RunFolderSuite suite() {
        return new RunFolderSuite(root, DECLARATION, (process, instance, jar) -> {
            launched.add(instance + " " + root.relativize(jar));
            return List.of("sh", "-c", "echo " + instance + " on $PORT; exec sleep 30");
        }, new GatewayRotation("actuator", "secret"), new RegistryView("http://localhost:1", "eureka", "secret"),
                said::add);
    }
}

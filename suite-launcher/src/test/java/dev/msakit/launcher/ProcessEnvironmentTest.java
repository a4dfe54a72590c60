package dev.msakit.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The suite's real declaration (suite.conf at the repository's root), as ./msa and the system tests launch it. */
class ProcessEnvironmentTest {

    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    private final SuiteDeclaration declaration = SuiteDeclaration.read(ROOT);
    private final Map<String, String> settings = new HashMap<>(Map.of("PG_PORT", "5432"));
    private final ProcessEnvironment environment;

    @TempDir
    Path temp;

    ProcessEnvironmentTest() {
        for (SuiteDeclaration.Process owner : declaration.databaseOwners()) {
            settings.put(owner.account() + "_DB_USER", owner.account().toLowerCase() + "_user");
            settings.put(owner.account() + "_DB_PASSWORD", owner.account().toLowerCase() + "-secret");
        }
        environment = new ProcessEnvironment(declaration, settings, app -> "registry-" + app);
    }

    @Test
    void theDatabaseServerGetsEveryAccountItMustCreate() {
        Map<String, String> server = environment.variables(declaration.named("postgres"));

        assertThat(server.get("PG_ACCOUNTS")).isEqualTo(
                "MEMBER:members,PRODUCT:products,ORDER:orders,LEGACY:legacy,RELEASE:release");
        assertThat(server).containsEntry("ORDER_DB_USER", "order_user").containsEntry("ORDER_DB_PASSWORD",
                "order-secret").containsEntry("RELEASE_DB_PASSWORD", "release-secret");
        assertThat(environment.withheld(declaration.named("postgres")))
                .doesNotContain("ORDER_DB_PASSWORD", "PG_SUPERUSER_PASSWORD").contains("EUREKA_PASSWORD");
    }

    @Test
    void aServiceGetsItsOwnAccountAndRegistryPasswordAndNoneOfTheOthersSecrets() {
        SuiteDeclaration.Process product = declaration.named("product-service");

        Map<String, String> variables = environment.variables(product);

        assertThat(variables).containsEntry("DB_NAME", "products").containsEntry("DB_PORT", "5432")
                .containsEntry("DB_USER", "product_user").containsEntry("DB_PASSWORD", "product-secret")
                .containsEntry("REGISTRY_PASSWORD", "registry-product-service")
                .doesNotContainKeys("REGISTRY_ACCOUNTS", "PG_ACCOUNTS", "SERVER_ADDRESS");
        assertThat(variables.values()).noneMatch(value -> value.contains("order-secret")
                || value.contains("registry-order-service"));
        assertThat(environment.withheld(product)).contains("PG_SUPERUSER_PASSWORD", "MEMBER_DB_PASSWORD",
                "ORDER_DB_PASSWORD", "PRODUCT_DB_PASSWORD", "EUREKA_PASSWORD", "REGISTRY_PASSWORD_ORDER_SERVICE",
                "REGISTRY_PASSWORD_PRODUCT_SERVICE");
    }

    @Test
    void theRegistryGetsEveryApplicationsAccountAndKeepsItsOwn() {
        SuiteDeclaration.Process registry = declaration.named("eureka-server");

        String accounts = environment.variables(registry).get("REGISTRY_ACCOUNTS");

        assertThat(accounts.split(",")).contains("zuul-gateway=registry-zuul-gateway",
                "order-service=registry-order-service", "admin-server=registry-admin-server")
                .noneMatch(account -> account.startsWith("postgres=") || account.startsWith("eureka-server="));
        assertThat(environment.withheld(registry)).doesNotContain("EUREKA_PASSWORD");
        assertThat(environment.variables(declaration.named("kafka-broker"))).isEmpty();
    }

    @Test
    void aBindAddressReachesEveryHttpPortAndTracingKeepsItsSpansBounded() {
        settings.put("MSA_BIND_ADDRESS", "0.0.0.0");

        assertThat(environment.variables(declaration.named("turbine"))).containsEntry("SERVER_ADDRESS", "0.0.0.0");
        assertThat(environment.variables(declaration.named("zipkin-server")))
                .containsEntry("MEM_MAX_SPANS", "40000").containsEntry("ARMERIA_PORTS_0_IP", "0.0.0.0")
                .containsEntry("ARMERIA_PORTS_0_PORT", "9411");
    }

    @Test
    void aMissingAccountIsNamed() {
        settings.remove("LEGACY_DB_PASSWORD");

        assertThatThrownBy(() -> environment.variables(declaration.named("legacy-shop")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LEGACY_DB_PASSWORD");
    }

    @Test
    void aRegistryPasswordComesFromTheEnvironmentElseIsGeneratedOnceAndKeptPrivate() throws IOException {
        Path kept = temp.resolve("registry");
        RegistryPasswords passwords = new RegistryPasswords(Map.of("REGISTRY_PASSWORD_ZUUL_GATEWAY", "given"), kept);

        assertThat(passwords.of("zuul-gateway")).isEqualTo("given");
        String generated = passwords.of("order-service");
        assertThat(generated).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(passwords.of("member-service"));
        assertThat(new RegistryPasswords(Map.of(), kept).of("order-service")).isEqualTo(generated);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.resolve("order-service"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rwx------");
    }

    @Test
    void theLaunchCommandIsEnvThenTheProcesssVariablesThenJavaWithItsOptions() throws IOException {
        Map<String, String> shell = new HashMap<>(settings);
        shell.put("MSA_CDS", "0");
        shell.put("MSA_NATIVE_TRIM_MS", "0");
        shell.put("REGISTRY_PASSWORD_ORDER_SERVICE", "order-registry-secret");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path jar = Files.writeString(temp.resolve("order-service.jar"), "not opened in JAR mode");

        int status = new LauncherCommand(shell, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run("launch", ROOT.toString(), "order-service", "order-service-2", jar.toString(),
                        "INSTANCE_ROLE=canary", "--", "-Dextra=1");

        List<String> command = Arrays.asList(printed.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(status).isZero();
        assertThat(command.get(0)).isEqualTo("env");
        int java = command.indexOf(ProcessHandle.current().info().command().orElseThrow());
        assertThat(command.subList(0, java)).containsSequence("-u", "MEMBER_DB_PASSWORD")
                .contains("DB_USER=order_user", "DB_PASSWORD=order-secret",
                        "REGISTRY_PASSWORD=order-registry-secret")
                .endsWith("INSTANCE_ROLE=canary");
        assertThat(command.subList(java + 1, command.size())).startsWith("-Xms64m").endsWith("-Dextra=1", "-jar",
                jar.toString());
        assertThatThrownBy(() -> new LauncherCommand(shell, new PrintStream(new ByteArrayOutputStream()))
                .run("launch", ROOT.toString(), "order-service", "x", jar.toString(), "not-a-variable"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-a-variable");
    }
}

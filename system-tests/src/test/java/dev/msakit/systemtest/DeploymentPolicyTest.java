package dev.msakit.systemtest;

import dev.msakit.launcher.SuiteDeclaration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rules the container and Kubernetes manifests must keep, checked on what docker-compose and kustomize render
 * (both run here when installed; .ci/run installs them, elsewhere the test is skipped unless
 * MSA_REQUIRE_DEPLOYMENT_CHECKS=1), and held to suite.conf: the same processes, the same ports, the same public
 * ones. The schema check of the same objects is in deployment-checks/run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentPolicyTest {

    private final Path root = Paths.get(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    private final SuiteDeclaration declaration = SuiteDeclaration.read(root);
    /** Containers run the official images of Zipkin, Kafka and PostgreSQL, under their usual names. */
    private static final Map<String, String> CONTAINER_NAMES = Map.of("zipkin-server", "zipkin",
            "kafka-broker", "kafka");
    /**
     * The official Kafka image has no separate health port like the suite's launcher (suite.conf's port): its
     * container is checked for the broker's own port.
     */
    private static final Map<String, Integer> CONTAINER_PORTS = Map.of("kafka-broker", 9092);
    private final ObjectMapper yaml = new YAMLMapper();
    private JsonNode compose;
    private List<JsonNode> k8s;

    @BeforeAll
    void render() throws Exception {
        boolean required = "1".equals(System.getenv("MSA_REQUIRE_DEPLOYMENT_CHECKS"));
        boolean tools = onPath("docker-compose") && onPath("kubectl");
        assumeTrue(tools || required, "docker-compose and kubectl not installed (deployment-checks/run installs them)");
        compose = yaml.readTree(run(root, "docker-compose", "--env-file", ".env.example", "config"));

        Path work = Files.createTempDirectory("k8s");
        copy(root.resolve("k8s"), work.resolve("k8s"));
        Path overlay = work.resolve("k8s/overlays/local");
        Files.copy(overlay.resolve("secrets.env.example"), overlay.resolve("secrets.env"));
        k8s = new ArrayList<>();
        Iterator<JsonNode> docs = yaml.readerFor(JsonNode.class)
                .readValues(new YAMLFactory().createParser(run(root, "kubectl", "kustomize", overlay.toString())));
        docs.forEachRemaining(k8s::add);
    }

    /** Compose and Kubernetes run every declared process (the suite's PostgreSQL as database containers). */
    @Test
    void composeAndKubernetesRunEveryDeclaredProcessOnItsPort() {
        for (SuiteDeclaration.Process declared : declaration.all()) {
            if (declared.module.equals("postgres-server")) {
                continue;
            }
            String name = containerName(declared);
            JsonNode service = compose.path("services").path(name);
            assertThat(service.isObject()).as(name + " in docker-compose.yml").isTrue();
            JsonNode workload = workload(name);
            assertThat(workload.isMissingNode()).as(name + " in k8s/").isFalse();
            assertThat(workload.path("spec").path("template").path("spec").path("containers").get(0)
                    .path("ports").toString()).as(name + "'s port in k8s/")
                    .contains("\"containerPort\":" + CONTAINER_PORTS.getOrDefault(declared.module, declared.port));
        }
        Set<String> declaredContainers = new TreeSet<>(databases().values());
        declaration.all().stream().filter(p -> !p.module.equals("postgres-server"))
                .forEach(p -> declaredContainers.add(containerName(p)));
        Set<String> composed = new TreeSet<>();
        compose.path("services").fieldNames().forEachRemaining(composed::add);
        assertThat(composed).as("docker-compose.yml runs what suite.conf declares").isEqualTo(declaredContainers);
    }

    /**
     * Kubernetes runs the images the compose run proves (deployment-checks/containers starts them for real), as the
     * same non-root account, ready on the path they report healthy on (the Dockerfile's HEALTHCHECK, suite.conf).
     */
    @Test
    void kubernetesRunsTheImagesComposeProvesAsTheSameAccountWithTheSameReadiness() throws Exception {
        String dockerfile = Files.readString(root.resolve("docker/Dockerfile"));
        int checked = 0;
        for (SuiteDeclaration.Process declared : declaration.all()) {
            String composeImage = compose.path("services").path(containerName(declared)).path("image").asText();
            if (!composeImage.startsWith("msa-kit/")) {
                continue;
            }
            JsonNode workload = workload(declared.module);
            JsonNode pod = workload.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            assertThat(repository(container.path("image").asText())).as(declared.module + "'s image in k8s/")
                    .isEqualTo(repository(composeImage));
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                    .as(declared.module + "'s readiness in k8s/").isEqualTo(declared.health);
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).as(declared.module + "'s account")
                    .isEqualTo(10001);
            checked++;
        }
        assertThat(checked).as("the project's own images").isGreaterThanOrEqualTo(9);
        assertThat(dockerfile).contains("USER 10001:10001").contains("HEALTH_PATH=/actuator/health/readiness");
    }

    /** The images' JVM options are the launcher's container set, in the Dockerfile and in k8s/'s config alike. */
    @Test
    void containersRunWithTheLaunchersContainerOptions() throws Exception {
        String options = String.join(" ", dev.msakit.launcher.JvmOptions.CONTAINER);
        // Docker joins a line ending in a backslash with the next one.
        assertThat(Files.readString(root.resolve("docker/Dockerfile")).replace("\\\n", ""))
                .contains("JAVA_TOOL_OPTIONS=\"" + options + "\"");
        assertThat(yaml.readTree(root.resolve("k8s/base/config.yaml").toFile()).path("data")
                .path("JAVA_TOOL_OPTIONS").asText()).isEqualTo(options);
    }

    /**
     * A process off the request path (suite.conf's support set) runs with the quick compiler only in a container as
     * under ./msa: JDK_JAVA_OPTIONS on top of the image's options, in compose and k8s/ alike; the others without.
     */
    @Test
    void containersOffTheRequestPathRunTheQuickCompilerOnlyAsUnderMsa() {
        String offRequestPath = String.join(" ", dev.msakit.launcher.JvmOptions.CONTAINER_OFF_REQUEST_PATH);
        int support = 0;
        for (SuiteDeclaration.Process declared : declaration.all()) {
            JsonNode service = compose.path("services").path(containerName(declared));
            if (!service.path("image").asText().startsWith("msa-kit/")) {
                continue;
            }
            String expected = declared.jvm.equals("support") ? offRequestPath : "";
            support += expected.isEmpty() ? 0 : 1;
            assertThat(service.path("environment").path("JDK_JAVA_OPTIONS").asText())
                    .as(declared.name + " (" + declared.jvm + ") in docker-compose.yml").isEqualTo(expected);
            String k8sValue = "";
            for (JsonNode variable : workload(declared.module).path("spec").path("template").path("spec")
                    .path("containers").get(0).path("env")) {
                if (variable.path("name").asText().equals("JDK_JAVA_OPTIONS")) {
                    k8sValue = variable.path("value").asText();
                }
            }
            assertThat(k8sValue).as(declared.name + " (" + declared.jvm + ") in k8s/").isEqualTo(expected);
        }
        assertThat(support).as("processes of the support set in containers").isGreaterThanOrEqualTo(6);
    }

    private static String repository(String image) {
        int tag = image.lastIndexOf(':');
        return tag > image.lastIndexOf('/') ? image.substring(0, tag) : image;
    }

    @Test
    void composePublishesOnlyTheGatewayAndTheMonitoringUis() {
        Set<String> published = new TreeSet<>();
        compose.path("services").fields().forEachRemaining(service -> {
            if (service.getValue().has("ports")) {
                published.add(service.getKey());
            }
        });
        Set<String> declaredPublic = new TreeSet<>();
        declaration.all().stream().filter(p -> p.published).forEach(p -> declaredPublic.add(containerName(p)));
        assertThat(published).isEqualTo(declaredPublic);
    }

    @Test
    void everyComposeContainerHasAMemoryLimit() {
        compose.path("services").fields().forEachRemaining(service ->
                assertThat(service.getValue().path("mem_limit").asText()).as(service.getKey()).isNotEmpty());
    }

    @Test
    void composeServicesOwnTheirDatabaseAndWaitForItAndTheRegistry() {
        databases().forEach((service, database) -> {
            JsonNode spec = compose.path("services").path(service);
            assertThat(spec.path("environment").path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("docker");
            assertThat(spec.path("environment").path("DB_HOST").asText()).isEqualTo(database);
            assertThat(spec.path("depends_on").path(database).path("condition").asText()).isEqualTo("service_healthy");
            assertThat(spec.path("depends_on").path("eureka-server").path("condition").asText())
                    .isEqualTo("service_healthy");
            JsonNode db = compose.path("services").path(database);
            assertThat(db.path("volumes").toString()).as(database + " keeps its data in a named volume")
                    .contains(database.replace("-db", "-data"));
            assertThat(spec.path("environment").path("DB_USER").asText())
                    .isEqualTo(db.path("environment").path("POSTGRES_USER").asText());
        });
    }

    @Test
    void composeSecretsComeFromTheEnvFileOnly() throws IOException {
        Set<String> exampleValues = new HashSet<>();
        for (String line : Files.readAllLines(root.resolve(".env.example"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && line.contains("=")) {
                exampleValues.add(line.substring(line.indexOf('=') + 1));
            }
        }
        compose.path("services").fields().forEachRemaining(service ->
                service.getValue().path("environment").fields().forEachRemaining(variable -> {
                    if (variable.getKey().matches(".*(PASSWORD|SECRET|_USER)$")) {
                        assertThat(exampleValues).as(service.getKey() + " " + variable.getKey() + " from .env")
                                .contains(variable.getValue().asText());
                    }
                }));
    }

    @Test
    void everyKubernetesWorkloadIsProbedLimitedAndNonRoot() {
        List<JsonNode> workloads = workloads();
        // Every declared process but the suite's PostgreSQL, plus the database StatefulSet.
        assertThat(workloads).hasSize(declaration.all().size());
        for (JsonNode workload : workloads) {
            String name = workload.path("metadata").path("name").asText();
            JsonNode pod = workload.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
            for (JsonNode container : pod.path("containers")) {
                assertThat(container.path("readinessProbe").isObject()).as(name + " readiness").isTrue();
                assertThat(container.path("livenessProbe").isObject()).as(name + " liveness").isTrue();
                assertThat(container.path("resources").path("limits").path("memory").asText()).as(name).isNotEmpty();
                assertThat(container.path("resources").path("requests").path("memory").asText()).as(name)
                        .isNotEmpty();
                if ("app".equals(container.path("name").asText())) {
                    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                            .isEqualTo("/actuator/health/readiness");
                    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                            .isEqualTo("/actuator/health/liveness");
                }
            }
        }
    }

    @Test
    void statelessServicesRunTwiceAndKeepOneDuringDisruptions() {
        for (SuiteDeclaration.Process declared : declaration.inTier("service", "edge")) {
            String service = containerName(declared);
            JsonNode deployment = object("Deployment", service);
            assertThat(deployment.path("spec").path("replicas").asInt()).as(service).isGreaterThanOrEqualTo(2);
            JsonNode budget = object("PodDisruptionBudget", service);
            assertThat(budget.path("spec").path("selector").path("matchLabels"))
                    .isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
        }
        assertThat(object("StatefulSet", "eureka-server").path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(object("StatefulSet", "postgres").path("spec").path("volumeClaimTemplates")).hasSize(1);
    }

    @Test
    void theIngressReachesOnlyTheGateway() {
        Set<String> backends = new TreeSet<>();
        for (JsonNode ingress : objects("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    backends.add(path.path("backend").path("service").path("name").asText());
                }
            }
        }
        assertThat(backends).containsExactly("zuul-gateway");
    }

    /**
     * Ingress is denied by default, so a process missing from a policy's list cannot register, send spans or reach
     * its database in a cluster, though compose and ./msa run it fine: every process that registers may reach the
     * registry and Zipkin, every database owner PostgreSQL, and every service is reachable from the gateway on its
     * port.
     */
    @Test
    void theNetworkPoliciesLetEveryProcessReachWhatItNeeds() {
        for (SuiteDeclaration.Process declared : declaration.all()) {
            String name = containerName(declared);
            if (declared.registers()) {
                assertThat(allowedInto("eureka-server")).as(name + " registers").contains(name);
                assertThat(allowedInto("zipkin")).as(name + " sends spans").contains(name);
            }
            if (declared.database != null) {
                assertThat(allowedInto("postgres")).as(name + " owns a database").contains(name);
            }
            if (declared.tier.equals("service")) {
                JsonNode policy = object("NetworkPolicy", name);
                assertThat(policy.path("spec").path("podSelector").path("matchLabels")
                        .path("app.kubernetes.io/name").asText()).as(name + "'s own policy").isEqualTo(name);
                assertThat(allowedInto(name)).as(name + " behind the gateway").contains("zuul-gateway");
                assertThat(policy.path("spec").path("ingress").findValuesAsText("port"))
                        .as(name + "'s port").contains(Integer.toString(declared.port));
            }
        }
    }

    /** The pods (by app.kubernetes.io/name) the named NetworkPolicy lets in. */
    private Set<String> allowedInto(String policy) {
        Set<String> allowed = new TreeSet<>();
        for (JsonNode rule : object("NetworkPolicy", policy).path("spec").path("ingress")) {
            for (JsonNode from : rule.path("from")) {
                for (JsonNode expression : from.path("podSelector").path("matchExpressions")) {
                    if (expression.path("key").asText().equals("app.kubernetes.io/name")
                            && expression.path("operator").asText().equals("In")) {
                        expression.path("values").forEach(value -> allowed.add(value.asText()));
                    }
                }
            }
        }
        return allowed;
    }

    @Test
    void everySecretKeyAWorkloadNeedsExists() {
        JsonNode secret = objects("Secret").get(0);
        Set<String> keys = new TreeSet<>();
        secret.path("data").fieldNames().forEachRemaining(keys::add);
        for (JsonNode workload : workloads()) {
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode variable : container.path("env")) {
                    JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
                    if (ref.isObject()) {
                        assertThat(ref.path("name").asText()).isEqualTo(secret.path("metadata").path("name").asText());
                        if (!ref.path("optional").asBoolean()) {
                            assertThat(keys).as(workload.path("metadata").path("name").asText())
                                    .contains(ref.path("key").asText());
                        }
                    }
                }
            }
        }
    }

    private String containerName(SuiteDeclaration.Process declared) {
        return CONTAINER_NAMES.getOrDefault(declared.module, declared.module);
    }

    /** Compose gives each data-owning service a database container of its own: member-service -> member-db. */
    private Map<String, String> databases() {
        Map<String, String> databases = new java.util.LinkedHashMap<>();
        for (SuiteDeclaration.Process owner : declaration.databaseOwners()) {
            // Named by the owner's account: member-db, ..., legacy-db, release-db.
            databases.put(owner.module, owner.account().toLowerCase(java.util.Locale.ROOT) + "-db");
        }
        return databases;
    }

    private List<JsonNode> workloads() {
        List<JsonNode> workloads = new ArrayList<>(objects("Deployment"));
        workloads.addAll(objects("StatefulSet"));
        return workloads;
    }

    private List<JsonNode> objects(String kind) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode object : k8s) {
            if (kind.equals(object.path("kind").asText())) {
                found.add(object);
            }
        }
        return found;
    }

    /** The Deployment of that name, or the StatefulSet. */
    private JsonNode workload(String name) {
        JsonNode deployment = object("Deployment", name);
        return deployment.isMissingNode() ? object("StatefulSet", name) : deployment;
    }

    private JsonNode object(String kind, String name) {
        return objects(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElse(MissingNode.getInstance());
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Paths.get(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + err).isZero();
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}

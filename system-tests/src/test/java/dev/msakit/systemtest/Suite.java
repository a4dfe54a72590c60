package dev.msakit.systemtest;

import dev.msakit.launcher.GatewayRotation;
import dev.msakit.launcher.ProcessEnvironment;
import dev.msakit.launcher.SuiteDeclaration;
import dev.msakit.launcher.SuiteStart;
import dev.msakit.platform.testing.TestPorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The whole suite of suite.conf on free ports, with its own data folder: PostgreSQL (one database and account per
 * service) and Eureka first, then everything else at once, product-service twice (Ribbon has two to balance).
 */
final class Suite implements AutoCloseable {

    static final String EUREKA_USER = "registry";
    static final String EUREKA_PASSWORD = "system-test-registry-secret";
    static final String ADMIN_EMAIL = "admin@msakit.test";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final String ACTUATOR_USER = "actuator";
    static final String ACTUATOR_PASSWORD = "system-test-actuator-secret";
    static final String ADMIN_UI_USER = "operator";
    static final String ADMIN_UI_PASSWORD = "system-test-admin-ui-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /**
     * How often every registry client reads the registry in the suite the tests start (production: every 5 s,
     * discovery.yml), and the lease an instance renews every 2 s (production: renewed every 5 s, 15 s long).
     */
    static final Duration REGISTRY_READ_INTERVAL = Duration.ofSeconds(2);
    private static final Duration LEASE_RENEWAL = Duration.ofSeconds(2);
    private static final Duration LEASE_DURATION = Duration.ofSeconds(6);
    /** Processes that run more than once, as product-service-1, product-service-2. */
    private static final Map<String, Integer> INSTANCES = Map.of("product-service", 2);

    private final Path root = Paths.get(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    final SuiteDeclaration declaration = SuiteDeclaration.read(root);
    private final Path work;
    private final List<SuiteProcess> processes = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    /** Per module, on top of {@link #env}: where its data lives, which profiles it runs with. */
    private final Map<String, Map<String, String>> moduleEnv = new HashMap<>();
    private final ProcessEnvironment processEnvironment;
    /** What the gateway routes to, read as the rollout reads it. */
    private final GatewayRotation rotation = new GatewayRotation(ACTUATOR_USER, ACTUATOR_PASSWORD);

    final SuiteDatabase database;
    /** The broker's Kafka port (its health is on its suite port). */
    final int kafkaPort;
    // Not final: a restart puts a new process on the same port.
    SuiteProcess postgres;
    SuiteProcess kafka;
    SuiteProcess eureka;
    SuiteProcess member;
    SuiteProcess product1;
    SuiteProcess product2;
    SuiteProcess order;
    SuiteProcess legacy;
    SuiteProcess releaseControl;
    SuiteProcess gateway;
    SuiteProcess zipkin;
    SuiteProcess turbine;
    SuiteProcess dashboard;
    SuiteProcess admin;

    Suite() throws Exception {
        work = Paths.get(System.getProperty("suite.work", "target/suite")).toAbsolutePath();
        deleteRecursively(work.resolve("data"));
        deleteRecursively(work.resolve("logs"));
        Files.createDirectories(work);
        Map<String, Integer> ports = new HashMap<>();
        for (SuiteDeclaration.Process declared : declaration.all()) {
            ports.put(declared.name, freePort());
        }
        int eurekaPort = ports.get("eureka-server");
        env.put("EUREKA_PORT", Integer.toString(eurekaPort));
        env.put("DATA_DIR", work.resolve("data").toString());
        env.put("ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("ORDER_SERVICE_CLIENT_SECRET", "system-test-order-service-secret");
        env.put("GATEWAY_CLIENT_SECRET", "system-test-gateway-secret");
        env.put("RELEASE_CONTROL_CLIENT_SECRET", "system-test-release-control-secret");
        // Reconciliation only when a test asks: some tests write behind the services' backs (SagaIT's poison order),
        // and a scheduled run finding that would make the flip gate refuse another test's flips.
        env.put("RECONCILE_INTERVAL", "0");
        // MigrationIT sends its shadowed reads in one burst and counts every comparison (ShadowRateTest covers the
        // per-feature limit itself).
        env.put("MIGRATION_SHADOW_RATE", "500");
        env.put("JWT_KEY_ENCRYPTION_KEY", "system-test-key-encryption-secret");
        // The issuer is the gateway's public API URL (the discovery document and key set are found under it).
        env.put("JWT_ISSUER", "http://localhost:" + ports.get("zuul-gateway") + "/api");
        env.put("ACTUATOR_USER", ACTUATOR_USER);
        env.put("ACTUATOR_PASSWORD", ACTUATOR_PASSWORD);
        env.put("ADMIN_UI_USER", ADMIN_UI_USER);
        env.put("ADMIN_UI_PASSWORD", ADMIN_UI_PASSWORD);
        env.put("EUREKA_SERVER_URI", "http://localhost:" + eurekaPort);
        // The registry's timers shortened for the tests only: what they prove about a killed, stopped or restarted
        // instance (no failed request while it leaves or joins) does not depend on how long that takes, and they wait
        // for it many times. Eureka counts a lease expired after twice its duration: a killed instance is evicted
        // within about 13 s here (30 s with production's timers); the 2 s heartbeat leaves a busy JVM 12 s of slack.
        env.put("EUREKA_FETCH_INTERVAL", Long.toString(REGISTRY_READ_INTERVAL.toSeconds()));
        env.put("EUREKA_LEASE_RENEWAL", Long.toString(LEASE_RENEWAL.toSeconds()));
        env.put("EUREKA_LEASE_EXPIRATION", Long.toString(LEASE_DURATION.toSeconds()));
        env.put("EUREKA_EVICTION_MS", "1000");
        env.put("RIBBON_REFRESH_MS", "1000");
        // Every test client calls from 127.0.0.1, thousands of times (the kill test): the gateway's limits are
        // tested on their own (GatewayRateLimitTest), and set out of reach here.
        env.put("RATE_LIMIT_MEMBER_PER_SECOND", "1000000");
        env.put("RATE_LIMIT_ADDRESS_PER_SECOND", "1000000");
        env.put("RATE_LIMIT_LOGIN_PER_MINUTE", "1000000");
        env.put("RATE_LIMIT_SIGNUP_PER_HOUR", "1000000");
        env.put("ZIPKIN_URL", "http://localhost:" + ports.get("zipkin-server") + "/");
        // Production's sampling rate (compose, Kubernetes, bench/run): every request still has a trace id; the tests
        // that follow a trace in Zipkin ask for theirs (Http.TRACED). Every request traced cost the suite 16-36 % more
        // CPU per proxied read (./msa, wrk through the gateway), and the load-heavy tests are bound by CPU (CanaryIT,
        // SoakIT: over 90 % of both cores busy).
        env.put("TRACE_SAMPLING", "0.1");
        // ... which the gateway honours only when told to trust its callers' trace context, as behind a proxy of ours
        // that starts the traces; its default, ignoring it, is GatewayRoutingTest's.
        env.put("TRACE_ACCEPT_INCOMING", "true");
        env.put("TURBINE_STREAM_URL", "http://localhost:" + ports.get("turbine") + "/turbine.stream");
        kafkaPort = freePort();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafkaPort);
        database = new SuiteDatabase(freePort(), work.resolve("data").resolve("postgres"), declaration);
        // As ./msa: each process its own database account and registry password (the registry every application's
        // account, which may change its own instances only), none of the others' secrets.
        processEnvironment = new ProcessEnvironment(declaration, database.accountSettings(), Suite::registryPassword);
        for (SuiteDeclaration.Process declared : declaration.all()) {
            moduleEnv.put(declared.module, new HashMap<>(processEnvironment.variables(declared)));
        }
        moduleEnv.get("postgres-server").putAll(database.serverEnvironment());
        // The registry's own account stays with the registry.
        moduleEnv.get("eureka-server").putAll(Map.of("EUREKA_USER", EUREKA_USER, "EUREKA_PASSWORD", EUREKA_PASSWORD));
        moduleEnv.get("kafka-broker").putAll(Map.of("KAFKA_PORT", Integer.toString(kafkaPort),
                "KAFKA_CONTROLLER_PORT", Integer.toString(freePort())));
        // Product instances carry Chaos Monkey (off until a test turns an assault on through their actuator).
        moduleEnv.get("product-service").put("SPRING_PROFILES_ACTIVE", "chaos-monkey");
        // TokensIT rotates the signing key: a short wait before the new key signs (still longer than the verifiers'
        // 5 s refetch throttle plus the instances' 1 s key check), so the test sees the whole rotation.
        moduleEnv.get("member-service").putAll(Map.of("TOKEN_KEY_ACTIVATION_DELAY", "8s",
                "TOKEN_KEY_CHECK_INTERVAL_MS", "1000"));
        Map<String, SuiteProcess> running = new HashMap<>();
        try {
            // In ./msa up's order, with its waits: the launcher's SuiteStart.
            Duration took = new SuiteStart(declaration, new StartingFleet(ports, running), new StartLog(),
                    START_TIMEOUT).run();
            System.out.printf("Suite: all %d processes ready and registered after %d s%n", running.size(),
                    took.toSeconds());
        } catch (Exception | AssertionError e) {
            dumpLogs();
            close();
            throw e;
        }
    }

    /** The suite's processes as SuiteStart starts and asks about them: here, each on a free port. */
    private final class StartingFleet implements SuiteStart.Fleet {
        private final Map<String, Integer> ports;
        private final Map<String, SuiteProcess> running;

        StartingFleet(Map<String, Integer> ports, Map<String, SuiteProcess> running) {
            this.ports = ports;
            this.running = running;
        }

        @Override
        public void start(SuiteDeclaration.Process process) throws IOException {
            startAll(List.of(process), ports, running);
            adopt(running);
        }

        @Override
        public boolean ready(SuiteDeclaration.Process process) {
            return instances(process).stream().allMatch(Suite.this::answers);
        }

        @Override
        public boolean registered(SuiteDeclaration.Process process) {
            try {
                return upInstances(process.appId()) == INSTANCES.getOrDefault(process.name, 1);
            } catch (AssertionError | RuntimeException notYet) {
                return false;
            }
        }

        @Override
        public boolean routed(SuiteDeclaration.Process service) {
            return Suite.this.routed(service, true);
        }

        @Override
        public Optional<String> exited(SuiteDeclaration.Process process) {
            return instances(process).stream().filter(instance -> !instance.isAlive()).findFirst()
                    .map(instance -> instance.logTail(60));
        }

        private List<SuiteProcess> instances(SuiteDeclaration.Process process) {
            List<SuiteProcess> instances = new ArrayList<>();
            running.forEach((name, instance) -> {
                if (instance.module().equals(process.module)) {
                    instances.add(instance);
                }
            });
            return instances;
        }
    }

    /** Each step of the start in the test log, with its time. */
    private static final class StartLog implements SuiteStart.Progress {
        @Override
        public void waiting(String what, Duration waited) {
        }

        @Override
        public void done(String what, Duration waited, Duration sinceStart) {
            System.out.printf("Suite: %s after %d s (%d s)%n", what, waited.toSeconds(), sinceStart.toSeconds());
        }

        @Override
        public void apiReady(Duration sinceStart) {
            System.out.printf("Suite: the API ready after %d s%n", sinceStart.toSeconds());
        }
    }

    /** The processes the tests address by role. */
    private void adopt(Map<String, SuiteProcess> running) {
        postgres = running.get("postgres");
        kafka = running.get("kafka-broker");
        eureka = running.get("eureka-server");
        member = running.get("member-service");
        product1 = running.get("product-service-1");
        product2 = running.get("product-service-2");
        order = running.get("order-service");
        legacy = running.get("legacy-shop");
        releaseControl = running.get("release-control");
        gateway = running.get("zuul-gateway");
        zipkin = running.get("zipkin-server");
        turbine = running.get("turbine");
        dashboard = running.get("hystrix-dashboard");
        admin = running.get("admin-server");
    }

    private List<SuiteProcess> startAll(List<SuiteDeclaration.Process> declared, Map<String, Integer> ports,
                                        Map<String, SuiteProcess> running) throws IOException {
        List<SuiteProcess> started = new ArrayList<>();
        for (SuiteDeclaration.Process process : declared) {
            int instances = INSTANCES.getOrDefault(process.name, 1);
            for (int i = 1; i <= instances; i++) {
                String name = instances == 1 ? process.name : process.name + "-" + i;
                SuiteProcess instance = start(name, process.module, i == 1 ? ports.get(process.name) : freePort());
                running.put(name, instance);
                started.add(instance);
            }
        }
        return started;
    }

    String gatewayUrl() {
        return gateway.url();
    }

    private SuiteProcess start(String name, String module, int port) throws IOException {
        return start(name, module, port, Map.of());
    }

    /** With the suite's environment, the module's, and then the given overrides. */
    private SuiteProcess start(String name, String module, int port, Map<String, String> overrides)
            throws IOException {
        Map<String, String> processEnv = new HashMap<>(env);
        processEnv.putAll(moduleEnv.getOrDefault(module, Map.of()));
        processEnv.putAll(overrides);
        SuiteDeclaration.Process declared = declaration.ofModule(module);
        SuiteProcess process = SuiteProcess.start(declared, name, port, root, work,
                processEnvironment.withheld(declared), processEnv);
        processes.add(process);
        return process;
    }

    /**
     * One more instance of a data-owning service whose database settings carry another service's account (user and
     * password): what a misconfigured deployment or a leaked secret would try. Not waited for.
     */
    SuiteProcess startWithAccountOf(String name, String module, String accountOf) throws IOException {
        Map<String, String> other = database.serviceEnvironment(accountOf);
        return start(name, module, freePort(),
                Map.of("DB_USER", other.get("DB_USER"), "DB_PASSWORD", other.get("DB_PASSWORD")));
    }

    /** One more instance of a declared process on a free port (e.g. a second gateway), ready when this returns. */
    SuiteProcess startAnother(String name, String module) throws IOException {
        return startAnother(name, module, Map.of());
    }

    /** The same, with these variables on top of the module's (e.g. INSTANCE_ROLE). */
    SuiteProcess startAnother(String name, String module, Map<String, String> overrides) throws IOException {
        return startAnother(new Another(name, module, overrides));
    }

    /** The same, declared as startOthers takes it. */
    SuiteProcess startAnother(Another another) throws IOException {
        return startOthers(List.of(another)).get(0);
    }

    /**
     * Several more processes, each on a free port, all started before the first is waited for: on two cores a JVM's
     * start leaves room for another's (CanaryIT's three extra processes: about 30 s one after the other). Ready when
     * this returns; in the given order.
     */
    List<SuiteProcess> startOthers(List<Another> others) throws IOException {
        List<SuiteProcess> started = new ArrayList<>();
        for (Another another : others) {
            started.add(start(another.name, another.module, freePort(), another.overrides));
        }
        started.forEach(this::awaitReady);
        return started;
    }

    /** A process to start besides the suite's: its name (and log file), module, variables on top of the module's. */
    static final class Another {
        final String name;
        final String module;
        final Map<String, String> overrides;

        Another(String name, String module, Map<String, String> overrides) {
            this.name = name;
            this.module = module;
            this.overrides = overrides;
        }
    }

    /**
     * A new process in place of a stopped one: the same name and port, these variables on top of the module's (e.g.
     * INSTANCE_VERSION for a new version); the tests' references to the old one now name the new one. Not waited for.
     */
    SuiteProcess replace(SuiteProcess old, Map<String, String> overrides) throws IOException {
        if (old.isAlive()) {
            throw new IllegalStateException(old.name() + " still runs: stop it first");
        }
        SuiteProcess again = start(old.name(), old.module(), old.port(), overrides);
        Map<String, SuiteProcess> byName = new HashMap<>();
        for (SuiteProcess process : processes()) {
            byName.put(process.name(), process == old ? again : process);
        }
        adopt(byName);
        return again;
    }

    /**
     * Starts a killed instance again, on its port, and waits until it serves; a service also until the gateway's
     * load balancer has it in rotation again (seconds after its start: the next test would otherwise meet a route
     * with no instance, and a circuit opened by it).
     */
    SuiteProcess restart(SuiteProcess process, String module) throws IOException {
        return restartTogether(module, List.of(process)).get(0);
    }

    /**
     * Killed instances of one module started again as {@link #restart} does each, all started before the first is
     * waited for, so that their start-ups overlap. Returns the new processes in the given order.
     */
    List<SuiteProcess> restartTogether(String module, List<SuiteProcess> processes) throws IOException {
        long startedAt = System.currentTimeMillis();
        List<SuiteProcess> started = new ArrayList<>();
        for (SuiteProcess process : processes) {
            started.add(start(process.name(), module, process.port()));
        }
        for (SuiteProcess again : started) {
            awaitReadyAndRouted(again, module, startedAt);
        }
        return started;
    }

    private void awaitReadyAndRouted(SuiteProcess again, String module, long startedAt) {
        awaitReady(again);
        for (SuiteDeclaration.Process service : declaration.inTier("service")) {
            if (service.module.equals(module)) {
                // The registration of this process, not its predecessor's on the same port: that one may still be
                // listed (and evicted a moment later, leaving the gateway no instance until it sees the new one).
                waitFor(again.name() + " in the gateway's rotation", () -> {
                    try {
                        return rotation.inRotation(gateway.url(), service.name, again.port(), startedAt);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                });
            }
        }
    }

    /**
     * Stops the registry, the gateway, every service, the broker and the database gracefully, all at once, and
     * starts them again in the suite's start order on their ports; returns when all are ready and registered again,
     * with the names of the processes that did not end within 30 s of the SIGTERM and were killed.
     */
    List<String> restartDatabaseRegistryGatewayAndServices() throws Exception {
        List<SuiteProcess> stopping = List.of(gateway, releaseControl, order, product2, product1, member, eureka, kafka,
                postgres);
        long stopStart = System.nanoTime();
        stopping.forEach(SuiteProcess::terminate);
        List<String> killed = new ArrayList<>();
        for (SuiteProcess p : stopping) {
            if (!p.awaitStopped(stopStart + SuiteProcess.GRACE.toNanos())) {
                killed.add(p.name());
            }
        }
        System.out.printf("Suite: %d processes stopped together in %.1f s, killed after their grace: %s%n",
                stopping.size(), (System.nanoTime() - stopStart) / 1e9, killed);
        postgres = restart(postgres, "postgres-server");
        kafka = restart(kafka, "kafka-broker");
        eureka = restart(eureka, "eureka-server");
        member = start(member.name(), "member-service", member.port());
        order = start(order.name(), "order-service", order.port());
        product1 = start(product1.name(), "product-service", product1.port());
        product2 = start(product2.name(), "product-service", product2.port());
        releaseControl = start(releaseControl.name(), "release-control", releaseControl.port());
        gateway = start(gateway.name(), "zuul-gateway", gateway.port());
        for (SuiteProcess p : List.of(member, order, product1, product2, releaseControl, gateway)) {
            awaitReady(p);
        }
        awaitRegisteredAndRouted();
        return killed;
    }

    /**
     * Every process that registers is UP in Eureka, and the gateway's load balancer has every instance of every
     * service in rotation: Eureka knows an instance seconds before the gateway's cached copy of the registry does.
     */
    private void awaitRegisteredAndRouted() {
        for (SuiteDeclaration.Process declared : declaration.all()) {
            if (declared.registers()) {
                awaitRegistered(declared.appId(), INSTANCES.getOrDefault(declared.name, 1));
            }
        }
        awaitServicesRouted(true);
    }

    /**
     * The gateway has at least the declared instances of every service in rotation (a test may have added more, or
     * restarted one the gateway's copy of the registry does not list yet).
     */
    void awaitEveryServiceRouted() {
        awaitServicesRouted(false);
    }

    private void awaitServicesRouted(boolean exactly) {
        for (SuiteDeclaration.Process service : declaration.inTier("service")) {
            waitFor(INSTANCES.getOrDefault(service.name, 1) + " x " + service.name + " in the gateway's rotation",
                    () -> routed(service, exactly));
        }
    }

    /** Whether the gateway has the service's declared instances in rotation (or at least them); false if it can't say. */
    private boolean routed(SuiteDeclaration.Process service, boolean exactly) {
        int instances = INSTANCES.getOrDefault(service.name, 1);
        try {
            int routed = inRotation(service.name).size();
            return exactly ? routed == instances : routed >= instances;
        } catch (AssertionError | RuntimeException notYet) {
            return false;
        }
    }

    /** The instances (host:port) of a service the gateway's Ribbon would choose now (its /actuator/ribbon view). */
    List<String> inRotation(String service) {
        return inRotation(gateway, service);
    }

    /** The same, of this gateway (a second one a test started). */
    List<String> inRotation(SuiteProcess viaGateway, String service) {
        List<String> chosen = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode instance : rotation(viaGateway, service)) {
            chosen.add(instance.path("hostPort").asText());
        }
        return chosen;
    }

    /** The instances of a service in this gateway's rotation now, as its /actuator/ribbon view shows them. */
    private List<com.fasterxml.jackson.databind.JsonNode> rotation(SuiteProcess viaGateway, String service) {
        Http.Response view = Http.getBasic(viaGateway.url() + "/actuator/ribbon/" + service, ACTUATOR_USER,
                ACTUATOR_PASSWORD);
        if (view.status != 200) {
            throw new AssertionError("the gateway's rotation of " + service + ": " + view);
        }
        List<com.fasterxml.jackson.databind.JsonNode> routed = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode instance : view.json().path("instances")) {
            if (instance.path("inRotation").asBoolean()) {
                routed.add(instance);
            }
        }
        return routed;
    }

    /** An application's registry password (its Eureka account is named as the application). */
    static String registryPassword(String application) {
        return "system-test-registry-" + application;
    }

    /** The processes the tests address by role, as they are now (a test may have replaced one). */
    List<SuiteProcess> processes() {
        List<SuiteProcess> all = new ArrayList<>();
        for (SuiteProcess process : java.util.Arrays.asList(postgres, kafka, eureka, member, product1, product2, order,
                legacy, releaseControl, gateway, zipkin, turbine, dashboard, admin)) {
            if (process != null) {
                all.add(process);
            }
        }
        return all;
    }

    /** The health URL suite.conf declares for the process's module. */
    String healthUrl(SuiteProcess process) {
        return process.url() + declaration.ofModule(process.module()).health;
    }

    private void awaitReady(SuiteProcess process) {
        waitFor(process.name() + " ready", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited:\n" + process.logTail(60));
            }
            return answers(process);
        });
    }

    /** Whether the process's health URL answers 200 now; false while nothing listens. */
    private boolean answers(SuiteProcess process) {
        try {
            return Http.get(healthUrl(process), null).status == 200;
        } catch (RuntimeException notYetListening) {
            return false;
        }
    }

    void awaitRegistered(String app, int instances) {
        waitFor(instances + " x " + app + " UP in Eureka", () -> upInstances(app) == instances);
    }

    int upInstances(String app) {
        return upVersions(app).size();
    }

    /** The version (metadata "version") each UP instance of an application registers in Eureka. */
    List<String> upVersions(String app) {
        Http.Response response = Http.getBasic(eureka.url() + "/eureka/apps/" + app, EUREKA_USER, EUREKA_PASSWORD);
        List<String> versions = new ArrayList<>();
        if (response.status != 200) {
            return versions;
        }
        for (com.fasterxml.jackson.databind.JsonNode instance : response.json().path("application").path("instance")) {
            if ("UP".equals(instance.path("status").asText())) {
                versions.add(instance.path("metadata").path("version").asText());
            }
        }
        return versions;
    }

    /** Spring Boot Admin's view: each application (upper case) with the status of each of its instances. */
    Map<String, List<String>> adminStatuses() {
        Http.Response instances = Http.getBasic(admin.url() + "/instances", ADMIN_UI_USER, ADMIN_UI_PASSWORD);
        if (instances.status != 200) {
            throw new AssertionError("Admin answered " + instances);
        }
        Map<String, List<String>> statuses = new java.util.TreeMap<>();
        for (com.fasterxml.jackson.databind.JsonNode instance : instances.json()) {
            statuses.computeIfAbsent(instance.path("registration").path("name").asText().toUpperCase(),
                    name -> new ArrayList<>()).add(instance.path("statusInfo").path("status").asText());
        }
        return statuses;
    }

    static void waitFor(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    void dumpLogs() {
        for (SuiteProcess p : processes) {
            System.err.println("===== " + p.name() + " (last lines) =====\n" + p.logTail(40));
        }
    }

    @Override
    public void close() throws InterruptedException {
        // In the suite's stop groups, as ./msa down: each group together, one after the other.
        Map<Integer, List<SuiteProcess>> groups = new java.util.TreeMap<>();
        for (SuiteProcess p : processes) {
            int group = SuiteDeclaration.stopGroup(declaration.ofModule(p.module()).tier);
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(p);
        }
        for (List<SuiteProcess> group : groups.values()) {
            group.forEach(SuiteProcess::terminate);
            for (SuiteProcess p : group) {
                p.awaitStopped();
            }
        }
    }

    /** From below the ephemeral range: no client connection can take a port while its process restarts. */
    private static int freePort() {
        return TestPorts.next();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

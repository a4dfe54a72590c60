package dev.msakit.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * ./msa's way in (java -jar suite-launcher/target/suite-launcher.jar COMMAND ...), reading the same environment
 * variables as ./msa documents (MSA_CDS, MSA_JAVA_OPTS, MSA_SUPPORT_JAVA_OPTS, MSA_TRACING_JAVA_OPTS,
 * MSA_DATABASE_JAVA_OPTS, MSA_NATIVE_TRIM_MS, MSA_HUGE_PAGES, MSA_QUICK_JIT):
 * <pre>
 *   up ROOT
 *        the whole suite, in its start order ({@link SuiteStart}), each process on its declared port and detached,
 *        recorded in ROOT/.run/ (pids, logs, jar copies); returns once all answer and are registered, saying so as
 *        it goes. Accounts and the bind address come from this environment (ACCOUNT_DB_USER/_PASSWORD, PG_PORT,
 *        MSA_BIND_ADDRESS, ZIPKIN_MAX_SPANS), registry passwords from REGISTRY_PASSWORD_APP or ROOT/.run/registry/;
 *        the waits read the registry (EUREKA_USER/EUREKA_PASSWORD) and the gateway's rotation
 *        (ACTUATOR_USER/ACTUATOR_PASSWORD), MSA_START_TIMEOUT seconds each (180)
 *   scale ROOT SERVICE N
 *        N instances of SERVICE (or of the gateway): SERVICE-2, SERVICE-3... on the declared port + 100, + 200...,
 *        each ready and registered before the next; instances numbered above N stopped
 *   start ROOT PROCESS INSTANCE PORT JAR [VAR=value...] [-- OPTION...]
 *        one instance of PROCESS from (a copy of) JAR, with the VAR=values and java OPTIONs given (a release's
 *        baseline and canary), detached; does not wait
 *   stop ROOT INSTANCE
 *        SIGTERM, SIGKILL after 30 s; forgets the instance
 *   down ROOT
 *        every instance ./msa runs (ROOT/.run/), in the suite's stop groups ({@link SuiteDeclaration#stopGroupOf}):
 *        each group SIGTERMed at once, SIGKILL for what still runs after 60 s, before the next group
 *   launch ROOT PROCESS INSTANCE JAR [VAR=value...] [-- OPTION...]
 *        the command start would run, one argument per line: env(1) withholding the others' secrets and setting
 *        the process's own variables (then the VAR=values given), java with the process's option set (then the
 *        OPTIONs given) and the jar's class path
 *   java-args ROOT PROCESS INSTANCE JAR [OPTION...]
 *        only the java arguments (bench/run's bare Zuul runs with the gateway's)
 *   class-data ROOT
 *        each process's class-data archive for the jar built now; exit 1 when one is missing
 *   rollout ROOT SERVICE JAR [-- OPTION...]
 *        a promoted canary's version to full strength: each instance of SERVICE that ./msa runs (ROOT/.run/) in
 *        turn stopped and started again from JAR (with the OPTIONs) on its port, the next only once every gateway
 *        has it in rotation (ACTUATOR_USER/ACTUATOR_PASSWORD; MSA_START_TIMEOUT seconds per wait, 180); exit 2 with
 *        the reason when one does not come up
 * </pre>
 */
public final class LauncherCommand {

    private final Map<String, String> environment;
    private final PrintStream out;

    LauncherCommand(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new LauncherCommand(System.getenv(), System.out).run(args);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("suite-launcher: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    int run(String... args) {
        if (args.length >= 5 && args[0].equals("java-args")) {
            Path root = Paths.get(args[1]);
            SuiteDeclaration.Process process = SuiteDeclaration.read(root).named(args[2]);
            javaArguments(root, process, args[3], Paths.get(args[4]), Arrays.asList(args).subList(5, args.length),
                    environment).forEach(out::println);
            return 0;
        }
        if (args.length >= 5 && args[0].equals("launch")) {
            Path root = Paths.get(args[1]);
            List<String> rest = Arrays.asList(args).subList(5, args.length);
            SuiteDeclaration declaration = SuiteDeclaration.read(root);
            launchCommand(root, declaration, processEnvironment(root, declaration), args[2], args[3],
                    Paths.get(args[4]), variables(rest), options(rest)).forEach(out::println);
            return 0;
        }
        if (args.length == 2 && args[0].equals("up")) {
            up(Paths.get(args[1]));
            return 0;
        }
        if (args.length == 4 && args[0].equals("scale")) {
            scale(Paths.get(args[1]), args[2], count(args[3]));
            return 0;
        }
        if (args.length >= 6 && args[0].equals("start")) {
            List<String> rest = Arrays.asList(args).subList(6, args.length);
            start(Paths.get(args[1]), args[2], args[3], port(args[4]), Paths.get(args[5]), variables(rest),
                    options(rest));
            return 0;
        }
        if (args.length == 3 && args[0].equals("stop")) {
            stop(Paths.get(args[1]), args[2]);
            return 0;
        }
        if (args.length == 2 && args[0].equals("down")) {
            down(Paths.get(args[1]));
            return 0;
        }
        if (args.length == 2 && args[0].equals("class-data")) {
            return reportClassData(Paths.get(args[1]));
        }
        if (args.length >= 4 && args[0].equals("rollout")) {
            List<String> rest = Arrays.asList(args).subList(4, args.length);
            if (!rest.isEmpty() && !rest.get(0).equals("--")) {
                throw new IllegalArgumentException("usage: rollout ROOT SERVICE JAR [-- OPTION...]");
            }
            rollout(Paths.get(args[1]), args[2], Paths.get(args[3]), rest.isEmpty() ? rest : rest.subList(1,
                    rest.size()));
            return 0;
        }
        throw new IllegalArgumentException("usage: up ROOT | scale ROOT SERVICE N"
                + " | launch ROOT PROCESS INSTANCE JAR [VAR=value...] [-- OPTION...]"
                + " | start ROOT PROCESS INSTANCE PORT JAR [VAR=value...] [-- OPTION...] | stop ROOT INSTANCE"
                + " | down ROOT"
                + " | java-args ROOT PROCESS INSTANCE JAR [OPTION...] | class-data ROOT"
                + " | rollout ROOT SERVICE JAR [-- OPTION...]");
    }

    /** The whole suite, in its start order; returns once every process answers and is registered. */
    private void up(Path root) {
        SuiteDeclaration declaration = SuiteDeclaration.read(root);
        RunFolderSuite suite = runFolderSuite(root, declaration);
        SuiteDeclaration.Process gateway = declaration.inTier("edge").get(0);
        String api = "http://localhost:" + gateway.port + "/api";
        untilDone(() -> new SuiteStart(declaration, suite, new TerminalProgress(out, api), timeout()).run());
    }

    /** N instances of a service or the gateway: the ones missing started (each ready and registered), extra stopped. */
    private void scale(Path root, String name, int count) {
        SuiteDeclaration declaration = SuiteDeclaration.read(root);
        SuiteDeclaration.Process process = declaration.named(name);
        if (!process.tier.equals("service") && !process.tier.equals("edge")) {
            throw new IllegalArgumentException("can scale only: " + declaration.inTier("service", "edge").stream()
                    .map(p -> p.name).collect(java.util.stream.Collectors.joining(" ")));
        }
        RunFolderSuite suite = runFolderSuite(root, declaration);
        RunFolder runFolder = suite.runFolder();
        if (!runFolder.isRunning(name)) {
            throw new IllegalStateException(name + " is not running; ./msa up first");
        }
        SuiteStart waits = new SuiteStart(declaration, suite, new TerminalProgress(out, null), timeout());
        untilDone(() -> {
            // Instance i listens on the declared port + 100 * (i - 1): product-service 8082, 8182, 8282...; a
            // second gateway on 8180 routes by the same table (release-control) and shares everything else.
            for (int i = 2; i <= count; i++) {
                suite.start(process, name + "-" + i, process.port + 100 * (i - 1));
                waits.await(process, name + "-" + i + " ready", () -> suite.ready(process));
                waits.await(process, name + "-" + i + " registered", () -> suite.registered(process));
            }
            for (String instance : suite.instances(process)) {
                if (!instance.equals(name) && Integer.parseInt(instance.substring(name.length() + 1)) > count
                        && runFolder.stop(instance)) {
                    out.println("  stopped " + instance);
                }
            }
            return null;
        });
        out.println(name + " runs " + count + " instance(s).");
    }

    /** One instance of a process from a jar (a release's baseline or canary); does not wait for it. */
    private void start(Path root, String name, String instance, int port, Path jar, List<String> variables,
                       List<String> options) {
        SuiteDeclaration declaration = SuiteDeclaration.read(root);
        SuiteDeclaration.Process process = declaration.named(name);
        ProcessEnvironment processEnvironment = processEnvironment(root, declaration);
        RunFolder runFolder = new RunFolder(root.resolve(".run"));
        if (runFolder.isRunning(instance)) {
            throw new IllegalStateException(instance + " is running already");
        }
        untilDone(() -> {
            Path copy = process.tier.equals("service") ? runFolder.jarCopy(instance, jar) : jar;
            long pid = runFolder.start(instance, port, process.health, launchCommand(root, declaration,
                    processEnvironment, name, instance, copy, variables, options));
            out.println("  started " + instance + " on port " + port + " (pid " + pid + ")");
            return null;
        });
    }

    /** Gracefully, killed after 30 s; says so if it was running. */
    private void stop(Path root, String instance) {
        RunFolder runFolder = new RunFolder(root.resolve(".run"));
        Optional<ProcessHandle> running = runFolder.process(instance);
        untilDone(() -> runFolder.stop(instance));
        running.ifPresent(process -> out.println("  stopped " + instance + " (pid " + process.pid() + ")"));
    }

    /** Every instance of the run folder, group by group in the suite's stop order. */
    private void down(Path root) {
        SuiteDeclaration declaration = SuiteDeclaration.read(root);
        RunFolder runFolder = new RunFolder(root.resolve(".run"));
        Map<Integer, List<String>> groups = new TreeMap<>();
        for (String instance : runFolder.instances()) {
            groups.computeIfAbsent(declaration.stopGroupOf(instance), group -> new ArrayList<>()).add(instance);
        }
        for (List<String> group : groups.values()) {
            untilDone(() -> {
                runFolder.stopTogether(group, RunFolder.GROUP_STOP_SECONDS, out::println);
                return null;
            });
        }
    }

    /** The VAR=values before a "--". */
    private static List<String> variables(List<String> rest) {
        int dashes = rest.indexOf("--");
        return dashes < 0 ? rest : rest.subList(0, dashes);
    }

    /** The java options after a "--". */
    private static List<String> options(List<String> rest) {
        int dashes = rest.indexOf("--");
        return dashes < 0 ? List.of() : rest.subList(dashes + 1, rest.size());
    }

    private RunFolderSuite runFolderSuite(Path root, SuiteDeclaration declaration) {
        ProcessEnvironment processEnvironment = processEnvironment(root, declaration);
        SuiteDeclaration.Process registry = declaration.inTier("registry").get(0);
        return new RunFolderSuite(root, declaration, (process, instance, jar) -> launchCommand(root, declaration,
                processEnvironment, process.name, instance, jar, List.of(), List.of()),
                new GatewayRotation(required("ACTUATOR_USER"), required("ACTUATOR_PASSWORD")),
                new RegistryView("http://localhost:" + registry.port, required("EUREKA_USER"),
                        required("EUREKA_PASSWORD")), line -> out.println("  " + line));
    }

    private Duration timeout() {
        return Duration.ofSeconds(Long.parseLong(environment.getOrDefault("MSA_START_TIMEOUT", "180")));
    }

    private interface Step<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T untilDone(Step<T> step) {
        try {
            return step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int count(String text) {
        if (!text.matches("[1-9][0-9]?")) {
            throw new IllegalArgumentException("usage: scale ROOT SERVICE N (N from 1 to 99)");
        }
        return Integer.parseInt(text);
    }

    private static int port(String text) {
        if (!text.matches("[1-9][0-9]{0,4}") || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException("not a port: " + text);
        }
        return Integer.parseInt(text);
    }

    private void rollout(Path root, String service, Path jar, List<String> extraOptions) {
        SuiteDeclaration declaration = SuiteDeclaration.read(root);
        SuiteDeclaration.Process process = declaration.named(service);
        if (!process.tier.equals("service")) {
            throw new IllegalArgumentException(service + " is not a service");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no jar at " + jar);
        }
        ProcessEnvironment processEnvironment = processEnvironment(root, declaration);
        RunFolderFleet fleet = new RunFolderFleet(root.resolve(".run"), process, jar, (instance, instanceJar) ->
                launchCommand(root, declaration, processEnvironment, service, instance, instanceJar, List.of(),
                        extraOptions));
        GatewayRotation rotation = new GatewayRotation(required("ACTUATOR_USER"), required("ACTUATOR_PASSWORD"));
        untilDone(() -> new Rollout(service, fleet, rotation, line -> out.println("  " + line), timeout()).run());
    }

    private String required(String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is not set");
        }
        return value;
    }

    /** Accounts from this environment, registry passwords from it or kept in ROOT/.run/registry/. */
    private ProcessEnvironment processEnvironment(Path root, SuiteDeclaration declaration) {
        return new ProcessEnvironment(declaration, environment,
                new RegistryPasswords(environment, root.resolve(".run").resolve("registry"))::of);
    }

    /** env(1) with the process's environment, then java with its options and its jar's class path. */
    private List<String> launchCommand(Path root, SuiteDeclaration declaration, ProcessEnvironment processEnvironment,
                                       String name, String instance, Path jar, List<String> extraVariables,
                                       List<String> extraOptions) {
        SuiteDeclaration.Process process = declaration.named(name);
        List<String> command = new ArrayList<>();
        // What the JVM will find in its environment: this one as env(1) changes it below.
        Map<String, String> processVariables = new HashMap<>(environment);
        command.add("env");
        for (String withheld : processEnvironment.withheld(process)) {
            command.add("-u");
            command.add(withheld);
            processVariables.remove(withheld);
        }
        processEnvironment.variables(process).forEach((variable, value) -> {
            command.add(variable + "=" + value);
            processVariables.put(variable, value);
        });
        for (String variable : extraVariables) {
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                throw new IllegalArgumentException("not VAR=value: " + variable);
            }
            command.add(variable);
            processVariables.put(variable.substring(0, variable.indexOf('=')),
                    variable.substring(variable.indexOf('=') + 1));
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(javaArguments(root, process, instance, jar, extraOptions, processVariables));
        return command;
    }

    private List<String> javaArguments(Path root, SuiteDeclaration.Process process, String instance, Path jar,
                                       List<String> extraOptions, Map<String, String> processVariables) {
        List<String> options = new ArrayList<>(JvmOptions.from(environment).of(process.jvm));
        options.addAll(extraOptions);
        JavaCommand.ClassData mode = JavaCommand.usable(classData(), options, processVariables);
        if (mode != classData()) {
            // On stderr: java-args and launch print the command itself on stdout.
            System.err.println("suite-launcher: " + instance + " runs without its class-data archive: a Java agent"
                    + " or a flight recording from the start (-javaagent, -agentlib, -agentpath,"
                    + " -XX:StartFlightRecording) makes JDK 17 crash mapping it");
        }
        return JavaCommand.arguments(options, jar, mode, unpacked(root), instance);
    }

    private int reportClassData(Path root) {
        if (classData() != JavaCommand.ClassData.ARCHIVED) {
            out.println("Class-data archives are off (MSA_CDS=" + environment.get("MSA_CDS") + ").");
            return 0;
        }
        int missing = 0;
        for (SuiteDeclaration.Process process : SuiteDeclaration.read(root).all()) {
            Path jar = process.jar(root);
            if (!Files.isRegularFile(jar)) {
                out.println("  " + process.name + ": no jar (./msa build)");
                missing++;
                continue;
            }
            Path archive = ExplodedJar.classDataArchiveIn(ExplodedJar.directoryFor(jar, unpacked(root), process.name));
            if (Files.isRegularFile(archive) && archive.toFile().length() > 0) {
                out.println("  " + process.name + ": " + archive.toFile().length() / (1024 * 1024) + " MB archive");
            } else {
                out.println("  " + process.name + ": none yet (written at the next ./msa down)");
                missing++;
            }
        }
        return missing == 0 ? 0 : 1;
    }

    /** MSA_CDS=1 (the default) with archives; anything else runs each jar with plain java -jar. */
    private JavaCommand.ClassData classData() {
        return "1".equals(environment.getOrDefault("MSA_CDS", "1").trim())
                ? JavaCommand.ClassData.ARCHIVED : JavaCommand.ClassData.JAR;
    }

    private static Path unpacked(Path root) {
        return root.resolve(".run").resolve("cds");
    }
}

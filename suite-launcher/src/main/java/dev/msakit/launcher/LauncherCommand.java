package dev.msakit.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ./msa's way in (java -jar suite-launcher/target/suite-launcher.jar COMMAND ...), reading the same environment
 * variables as ./msa documents (MSA_CDS, MSA_JAVA_OPTS, MSA_SUPPORT_JAVA_OPTS, MSA_TRACING_JAVA_OPTS,
 * MSA_DATABASE_JAVA_OPTS, MSA_NATIVE_TRIM_MS):
 * <pre>
 *   launch ROOT PROCESS INSTANCE JAR [VAR=value...] [-- OPTION...]
 *        the command that starts INSTANCE of PROCESS from JAR, one argument per line: env(1) withholding the
 *        others' secrets and setting the process's own variables (then the VAR=values given), java with the
 *        process's option set (then the OPTIONs given) and the jar's class path; accounts and the bind address
 *        come from this environment (ACCOUNT_DB_USER/_PASSWORD, PG_PORT, MSA_BIND_ADDRESS, ZIPKIN_MAX_SPANS),
 *        registry passwords from REGISTRY_PASSWORD_APP or ROOT/.run/registry/
 *   prepare ROOT DIR
 *        the launch command of every declared process from its module's jar, one file each (DIR/NAME.args, the
 *        lines of launch): ./msa up reads them instead of starting a JVM per process while the others start
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
            javaArguments(root, process, args[3], Paths.get(args[4]), Arrays.asList(args).subList(5, args.length))
                    .forEach(out::println);
            return 0;
        }
        if (args.length >= 5 && args[0].equals("launch")) {
            Path root = Paths.get(args[1]);
            List<String> rest = Arrays.asList(args).subList(5, args.length);
            int dashes = rest.indexOf("--");
            List<String> extraVariables = dashes < 0 ? rest : rest.subList(0, dashes);
            List<String> extraOptions = dashes < 0 ? List.of() : rest.subList(dashes + 1, rest.size());
            SuiteDeclaration declaration = SuiteDeclaration.read(root);
            launchCommand(root, declaration, processEnvironment(root, declaration), args[2], args[3],
                    Paths.get(args[4]), extraVariables, extraOptions).forEach(out::println);
            return 0;
        }
        if (args.length == 3 && args[0].equals("prepare")) {
            prepare(Paths.get(args[1]), Paths.get(args[2]));
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
        throw new IllegalArgumentException("usage: launch ROOT PROCESS INSTANCE JAR [VAR=value...] [-- OPTION...]"
                + " | prepare ROOT DIR | java-args ROOT PROCESS INSTANCE JAR [OPTION...] | class-data ROOT"
                + " | rollout ROOT SERVICE JAR [-- OPTION...]");
    }

    /** Every declared process's launch from its module's jar, one file each, readable by their owner only. */
    private void prepare(Path root, Path directory) {
        SuiteDeclaration declaration = SuiteDeclaration.read(root);
        ProcessEnvironment processEnvironment = processEnvironment(root, declaration);
        try {
            // The commands carry each process's secrets.
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            for (SuiteDeclaration.Process process : declaration.all()) {
                Path jar = process.jar(root);
                Path file = directory.resolve(process.name + ".args");
                Files.deleteIfExists(file);
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(file, launchCommand(root, declaration, processEnvironment, process.name, process.name,
                        jar, List.of(), List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        Duration timeout = Duration.ofSeconds(Long.parseLong(environment.getOrDefault("MSA_START_TIMEOUT", "180")));
        try {
            new Rollout(service, fleet, rotation, line -> out.println("  " + line), timeout).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
        command.add("env");
        for (String withheld : processEnvironment.withheld(process)) {
            command.add("-u");
            command.add(withheld);
        }
        processEnvironment.variables(process).forEach((variable, value) -> command.add(variable + "=" + value));
        for (String variable : extraVariables) {
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                throw new IllegalArgumentException("not VAR=value: " + variable);
            }
            command.add(variable);
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(javaArguments(root, process, instance, jar, extraOptions));
        return command;
    }

    private List<String> javaArguments(Path root, SuiteDeclaration.Process process, String instance, Path jar,
                                       List<String> extraOptions) {
        List<String> options = new ArrayList<>(JvmOptions.from(environment).of(process.jvm));
        options.addAll(extraOptions);
        return JavaCommand.arguments(options, jar, classData(), unpacked(root), instance);
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
            Path archive = ExplodedJar.directoryFor(jar, unpacked(root), process.name).resolve("app.jsa");
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

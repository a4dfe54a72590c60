package dev.msakit.systemtest;

import dev.msakit.launcher.ExplodedJar;
import dev.msakit.launcher.JavaCommand;
import dev.msakit.launcher.JvmOptions;
import dev.msakit.launcher.SuiteDeclaration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the suite running from its real jar, as a separate JVM with its own log file. */
final class SuiteProcess {

    /** -Dsuite.classData=JAR|CLASS_PATH|ARCHIVED: how the processes run from their jars (A/B of start-up costs). */
    private static final JavaCommand.ClassData CLASS_DATA =
            JavaCommand.ClassData.valueOf(System.getProperty("suite.classData", "CLASS_PATH"));

    /** How long a SIGTERM'd process may take to end by itself: the launcher's grace for one instance, and compose's. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final String module;
    private final int port;
    private final Path log;
    private final Process process;

    private SuiteProcess(String name, String module, int port, Path log, Process process) {
        this.name = name;
        this.module = module;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Started as ./msa starts it: the process's JVM option set from suite.conf (with the quick compiler only, for a run
     * of minutes) and its jar unpacked to a class path, which starts it in about 60 % of the time java -jar takes.
     */
    static SuiteProcess start(SuiteDeclaration.Process declared, String name, int port, Path root, Path work,
                              java.util.Set<String> withheld, Map<String, String> env) throws IOException {
        Path jar = declared.jar(root);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": build the modules first (./mvnw verify does)");
        }
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path log = logs.resolve(name + ".log");
        if (Files.exists(log)) {
            Files.move(log, logs.resolve(name + "-" + System.currentTimeMillis() + ".log"));
        }
        ProcessBuilder builder = new ProcessBuilder()
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(work.toFile());
        builder.environment().keySet().removeAll(withheld);
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("QUERY_PORT", Integer.toString(port)); // the Zipkin server's name for it
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // The tests' own settings, not a developer's MSA_*_JAVA_OPTS.
        List<String> options = JvmOptions.from(Map.of()).withQuickJitEverywhere().of(declared.jvm);
        ExplodedJar exploded = null;
        JavaCommand.ClassData classData = JavaCommand.usable(CLASS_DATA, options, builder.environment());
        if (classData == JavaCommand.ClassData.ARCHIVED) {
            exploded = ExplodedJar.of(jar, work.resolve("unpacked"), declared.module);
            command.addAll(options);
            command.addAll(ModuleClassData.options(exploded, declared.module, name));
            command.addAll(exploded.runArguments());
        } else {
            command.addAll(JavaCommand.arguments(options, jar, classData, work.resolve("unpacked"), declared.module));
        }
        Process process = builder.command(command).start();
        if (exploded != null) {
            ExplodedJar archived = exploded;
            process.onExit().thenAccept(ended -> ModuleClassData.exited(archived, declared.module, name,
                    ended.exitValue()));
        }
        return new SuiteProcess(name, declared.module, port, log, process);
    }

    String name() {
        return name;
    }

    String module() {
        return module;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended within the time given, else empty. */
    java.util.OptionalInt awaitExit(java.time.Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** SIGKILL: no graceful shutdown, no deregistration, as when a machine dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM without waiting: lets several processes shut down gracefully at the same time. */
    void terminate() {
        process.destroy();
    }

    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        awaitStopped();
    }

    /** After {@link #terminate}: up to 30 s for a graceful end (the launcher's for one instance), then SIGKILL. */
    void awaitStopped() throws InterruptedException {
        awaitStopped(System.nanoTime() + GRACE.toNanos());
    }

    /**
     * After {@link #terminate}: until the deadline (a {@link System#nanoTime()}) for a graceful end, then SIGKILL.
     * Returns whether it ended by itself.
     */
    boolean awaitStopped(long deadlineNanos) throws InterruptedException {
        if (process.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return false;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}

package dev.msakit.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * ./msa's run folder (.run/): per instance {@code pids/INSTANCE.pid}, {@code pids/INSTANCE.endpoint} ("PORT
 * HEALTH-PATH"), {@code pids/INSTANCE.archive} (the class-data archive it writes at exit, if it does),
 * {@code logs/INSTANCE.log}, and for a service instance the copy of the jar it runs,
 * {@code jars/INSTANCE.jar} (a rebuild does not change what runs). Instances outlive the command that started them.
 */
final class RunFolder {

    /** How long a graceful stop may take before the process is killed. */
    private static final long STOP_SECONDS = 30;
    /**
     * A group stopped together gets twice as long: the first stop after a build writes every JVM's class-data
     * archive at the same time.
     */
    static final long GROUP_STOP_SECONDS = 60;

    private final Path folder;

    RunFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * Starts the command detached from this JVM (nohup, no input, output to the instance's log) with PORT and
     * QUERY_PORT set to the port, and records its pid and endpoint.
     */
    long start(String instance, int port, String healthPath, List<String> command) throws IOException {
        List<String> detached = new ArrayList<>();
        detached.add("nohup");
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(folder.resolve("logs")).resolve(instance + ".log").toFile())
                .redirectInput(new File("/dev/null"));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("QUERY_PORT", Integer.toString(port));
        Process started = builder.start();
        Files.createDirectories(pids());
        Files.write(pidFile(instance), List.of(Long.toString(started.pid())));
        Files.write(endpointFile(instance), List.of(port + " " + healthPath));
        Optional<String> archive = command.stream().filter(a -> a.startsWith(JavaCommand.ARCHIVE_AT_EXIT))
                .map(a -> a.substring(JavaCommand.ARCHIVE_AT_EXIT.length())).findFirst();
        if (archive.isPresent()) {
            Files.write(archiveFile(instance), List.of(archive.get()));
        } else {
            Files.deleteIfExists(archiveFile(instance));
        }
        return started.pid();
    }

    /** The instance's own copy of the jar, made now. */
    Path jarCopy(String instance, Path jar) throws IOException {
        Files.createDirectories(folder.resolve("jars"));
        Path copy = jar(instance);
        if (!copy.toAbsolutePath().normalize().equals(jar.toAbsolutePath().normalize())) {
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** Where the instance's copy of its jar is kept. */
    Path jar(String instance) {
        return folder.resolve("jars").resolve(instance + ".jar");
    }

    Optional<ProcessHandle> process(String instance) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile(instance)).get(0).trim()))
                    .filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException noPidFile) {
            return Optional.empty();
        }
    }

    boolean isRunning(String instance) {
        return process(instance).isPresent();
    }

    /**
     * SIGTERM (graceful: the instance deregisters, finishes its requests), SIGKILL after 30 s; forgets the instance.
     * Returns whether it was running.
     */
    boolean stop(String instance) throws IOException, InterruptedException {
        boolean running = isRunning(instance);
        stopTogether(List.of(instance), STOP_SECONDS, said -> { });
        return running;
    }

    /**
     * SIGTERM to each instance at once, then up to {@code seconds} for all of them, SIGKILL to those still running;
     * forgets them all. Says how each ended.
     */
    void stopTogether(List<String> instances, long seconds, Consumer<String> report) throws IOException,
            InterruptedException {
        Map<String, ProcessHandle> running = new LinkedHashMap<>();
        Map<String, Optional<Path>> archives = new LinkedHashMap<>();
        for (String instance : instances) {
            process(instance).ifPresent(process -> {
                archives.put(instance, archiveWrittenAtExit(instance));
                process.destroy();
                running.put(instance, process);
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Map.Entry<String, ProcessHandle> stopping : running.entrySet()) {
            ProcessHandle process = stopping.getValue();
            try {
                // At least a moment each: one that ended while an earlier one used up the time is seen as ended.
                process.onExit().get(Math.max(TimeUnit.MILLISECONDS.toNanos(500), deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                Optional<Path> archive = archives.get(stopping.getKey());
                if (archive.isPresent()) {
                    JavaCommand.archiveWritten(archive.get());
                }
                report.accept("  stopped " + stopping.getKey() + " (pid " + process.pid() + ")");
            } catch (TimeoutException | ExecutionException notStopped) {
                boolean archiveRemoved = killed(process, archives.get(stopping.getKey()));
                report.accept("  killed " + stopping.getKey() + " (pid " + process.pid() + "): not stopped after "
                        + seconds + " s" + (archiveRemoved ? "; its unfinished class-data archive removed" : ""));
            }
        }
        for (String instance : instances) {
            Files.deleteIfExists(pidFile(instance));
            Files.deleteIfExists(endpointFile(instance));
            Files.deleteIfExists(archiveFile(instance));
        }
    }

    /**
     * The class-data archive the instance writes as it exits (started with -XX:ArchiveClassesAtExit), as recorded
     * when it started. (Not read from its command line: the JDK gives no arguments for a command line longer than a
     * page, 4 kB, and every JVM of the suite has a longer one: its class path.)
     */
    private Optional<Path> archiveWrittenAtExit(String instance) {
        try {
            return Files.readAllLines(archiveFile(instance)).stream().findFirst().map(Paths::get);
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    /**
     * SIGKILL; and the archive it may have been writing is removed (it stays under its temporary name, never mapped,
     * but is never worth keeping either). Returns whether one was removed.
     */
    private static boolean killed(ProcessHandle process, Optional<Path> archive) {
        process.destroyForcibly();
        if (archive.isEmpty()) {
            return false;
        }
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException stillThere) {
            // removed all the same: an archive half written is never worth keeping
        }
        try {
            return Files.deleteIfExists(archive.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + archive.get() + ", which may be cut off: remove it", e);
        }
    }

    String logTail(String instance) {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("logs").resolve(instance + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The port the instance was started on. */
    int port(String instance) {
        try {
            return Integer.parseInt(Files.readAllLines(endpointFile(instance)).get(0).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no port recorded for " + instance + " in " + endpointFile(instance), e);
        }
    }

    /** Every instance with a pid file, running or not. */
    List<String> instances() {
        List<String> instances = new ArrayList<>();
        if (!Files.isDirectory(pids())) {
            return instances;
        }
        try (Stream<Path> files = Files.list(pids())) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pid"))
                    .map(name -> name.substring(0, name.length() - ".pid".length())).sorted().forEach(instances::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pids() + ": " + e.getMessage(), e);
        }
        return instances;
    }

    private Path pids() {
        return folder.resolve("pids");
    }

    private Path pidFile(String instance) {
        return pids().resolve(instance + ".pid");
    }

    private Path endpointFile(String instance) {
        return pids().resolve(instance + ".endpoint");
    }

    private Path archiveFile(String instance) {
        return pids().resolve(instance + ".archive");
    }
}

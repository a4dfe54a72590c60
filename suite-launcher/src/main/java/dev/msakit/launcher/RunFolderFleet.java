package dev.msakit.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The instances ./msa runs, as its run folder (.run/) records them: {@code pids/INSTANCE.pid} and
 * {@code pids/INSTANCE.endpoint} ("PORT HEALTH-PATH"), {@code logs/INSTANCE.log}, and the jar each service instance
 * runs a copy of, {@code jars/INSTANCE.jar}. Instances of a service are named SERVICE, SERVICE-2, SERVICE-3...
 * ({@code ./msa scale}); a release's own instances (SERVICE-baseline, SERVICE-canary) are not among them.
 */
final class RunFolderFleet implements Rollout.Fleet {

    private static final long STOP_SECONDS = 30;

    private final Path runFolder;
    private final SuiteDeclaration.Process service;
    private final Path newJar;
    /** The launch command of an instance from a jar (env(1) + java + arguments). */
    private final BiFunction<String, Path, List<String>> launch;

    RunFolderFleet(Path runFolder, SuiteDeclaration.Process service, Path newJar,
                   BiFunction<String, Path, List<String>> launch) {
        this.runFolder = runFolder;
        this.service = service;
        this.newJar = newJar;
        this.launch = launch;
    }

    @Override
    public List<Rollout.Instance> oldInstances() {
        Pattern name = Pattern.compile(Pattern.quote(service.name) + "(?:-([0-9]+))?\\.pid");
        // SERVICE first, then SERVICE-2, SERVICE-3... (in number order: SERVICE-10 after SERVICE-9)
        SortedMap<Integer, Rollout.Instance> instances = new TreeMap<>();
        try (Stream<Path> files = Files.list(pids())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher matched = name.matcher(file.getFileName().toString());
                if (matched.matches()) {
                    String instance = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    instances.put(matched.group(1) == null ? 1 : Integer.parseInt(matched.group(1)),
                            new Rollout.Instance(instance, port(instance)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pids() + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(instances.values());
    }

    /** SIGTERM (graceful: the instance deregisters, finishes its requests), SIGKILL after 30 s, as ./msa down. */
    @Override
    public void stop(Rollout.Instance instance) throws IOException, InterruptedException {
        Optional<ProcessHandle> process = process(instance);
        if (process.isPresent()) {
            process.get().destroy();
            try {
                process.get().onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                process.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile(instance.name));
        Files.deleteIfExists(endpointFile(instance.name));
    }

    /**
     * As ./msa starts a service instance: from its own copy of the jar (a rebuild does not change what runs), output
     * to its log, detached from this launcher (which exits once the rollout is done).
     */
    @Override
    public void startNewVersion(Rollout.Instance instance) throws IOException {
        Path jars = Files.createDirectories(runFolder.resolve("jars"));
        // Later starts of the service (./msa scale) run the new version too.
        copy(newJar, jars.resolve(service.name + ".jar"));
        Path jar = jars.resolve(instance.name + ".jar");
        copy(newJar, jar);
        Path log = Files.createDirectories(runFolder.resolve("logs")).resolve(instance.name + ".log");
        ProcessBuilder builder = new ProcessBuilder(launch.apply(instance.name, jar))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null"));
        builder.environment().put("PORT", Integer.toString(instance.port));
        builder.environment().put("QUERY_PORT", Integer.toString(instance.port));
        Process started = builder.start();
        Files.createDirectories(pids());
        Files.write(pidFile(instance.name), List.of(Long.toString(started.pid())));
        Files.write(endpointFile(instance.name), List.of(instance.port + " " + service.health));
    }

    @Override
    public boolean isRunning(Rollout.Instance instance) {
        return process(instance).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public String logTail(Rollout.Instance instance) {
        try {
            List<String> lines = Files.readAllLines(runFolder.resolve("logs").resolve(instance.name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String healthUrl(Rollout.Instance instance) {
        return "http://localhost:" + instance.port + service.health;
    }

    /** Every gateway with a running process: zuul-gateway, zuul-gateway-2... */
    @Override
    public List<String> gateways() {
        List<String> gateways = new ArrayList<>();
        try (Stream<Path> files = Files.list(pids())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.matches("zuul-gateway(-[0-9]+)?\\.pid")) {
                    Rollout.Instance gateway = new Rollout.Instance(name.replaceFirst("\\.pid$", ""), 0);
                    if (isRunning(gateway)) {
                        gateways.add("http://localhost:" + port(gateway.name));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pids() + ": " + e.getMessage(), e);
        }
        return gateways;
    }

    private Optional<ProcessHandle> process(Rollout.Instance instance) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile(instance.name)).get(0).trim()));
        } catch (IOException | RuntimeException noPidFile) {
            return Optional.empty();
        }
    }

    private int port(String instance) {
        try {
            return Integer.parseInt(Files.readAllLines(endpointFile(instance)).get(0).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no port recorded for " + instance + " in " + endpointFile(instance), e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!to.toAbsolutePath().normalize().equals(from.toAbsolutePath().normalize())) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path pids() {
        return runFolder.resolve("pids");
    }

    private Path pidFile(String instance) {
        return pids().resolve(instance + ".pid");
    }

    private Path endpointFile(String instance) {
        return pids().resolve(instance + ".endpoint");
    }
}

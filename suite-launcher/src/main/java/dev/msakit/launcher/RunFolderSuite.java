package dev.msakit.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The suite as ./msa runs it: each declared process on its declared port, in the run folder ({@link RunFolder}),
 * detached from the command that started it. A process's instances are the declared one and those ./msa scale added
 * (SERVICE-2, SERVICE-3...); a release's own (SERVICE-baseline, SERVICE-canary) are not among them.
 */
final class RunFolderSuite implements SuiteStart.Fleet {

    private final Path root;
    private final RunFolder runFolder;
    private final Launch launch;
    private final GatewayRotation rotation;
    private final RegistryView registry;
    private final String gateway;
    private final Consumer<String> said;

    /** The launch command (env(1) + java + arguments) of an instance of a process, from a jar. */
    interface Launch {
        List<String> command(SuiteDeclaration.Process process, String instance, Path jar);
    }

    RunFolderSuite(Path root, SuiteDeclaration declaration, Launch launch,
                   GatewayRotation rotation, RegistryView registry, Consumer<String> said) {
        this.root = root;
        this.runFolder = new RunFolder(root.resolve(".run"));
        this.launch = launch;
        this.rotation = rotation;
        this.registry = registry;
        this.gateway = "http://localhost:" + declaration.inTier("edge").get(0).port;
        this.said = said;
    }

    @Override
    public void start(SuiteDeclaration.Process process) throws IOException {
        start(process, process.name, process.port);
    }

    /** One instance of the process, unless it runs already. */
    void start(SuiteDeclaration.Process process, String instance, int port) throws IOException {
        Optional<ProcessHandle> alreadyRunning = runFolder.process(instance);
        if (alreadyRunning.isPresent()) {
            said.accept(instance + " already running (pid " + alreadyRunning.get().pid() + ")");
            return;
        }
        Path jar = process.jar(root);
        if (process.tier.equals("service")) {
            // A service runs a copy of its jar: a rebuild does not change what runs, and ./msa canary can start a
            // baseline of exactly the running version. A scaled instance runs what the service runs (after a
            // rollout: the new version).
            Path running = runFolder.jar(process.name);
            jar = runFolder.jarCopy(instance, instance.equals(process.name) || !Files.isRegularFile(running) ? jar
                    : running);
        }
        long pid = runFolder.start(instance, port, process.health, launch.command(process, instance, jar));
        said.accept("started " + instance + " on port " + port + " (pid " + pid + ")");
    }

    @Override
    public boolean ready(SuiteDeclaration.Process process) throws InterruptedException {
        for (String instance : instances(process)) {
            if (!rotation.answers("http://localhost:" + runFolder.port(instance) + process.health)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean registered(SuiteDeclaration.Process process) throws InterruptedException {
        for (String instance : instances(process)) {
            if (!registry.up(process.appId(), runFolder.port(instance))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean routed(SuiteDeclaration.Process service) throws InterruptedException {
        for (String instance : instances(service)) {
            if (!rotation.inRotation(gateway, service.name, runFolder.port(instance), 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<String> exited(SuiteDeclaration.Process process) {
        for (String instance : instances(process)) {
            if (!runFolder.isRunning(instance)) {
                return Optional.of(runFolder.logTail(instance) + "\n(log: " + root.resolve(".run/logs")
                        .resolve(instance + ".log") + ")");
            }
        }
        return Optional.empty();
    }

    /** The process's instances: the declared one, and SERVICE-2, SERVICE-3... */
    List<String> instances(SuiteDeclaration.Process process) {
        Pattern scaled = Pattern.compile(Pattern.quote(process.name) + "(-[0-9]+)?");
        List<String> instances = new ArrayList<>();
        for (String instance : runFolder.instances()) {
            if (scaled.matcher(instance).matches()) {
                instances.add(instance);
            }
        }
        return instances;
    }

    RunFolder runFolder() {
        return runFolder;
    }
}

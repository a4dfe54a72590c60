package dev.msakit.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's instances as ./msa runs them ({@link RunFolder}), for a rollout: they are named SERVICE, SERVICE-2,
 * SERVICE-3... ({@code ./msa scale}); a release's own instances (SERVICE-baseline, SERVICE-canary) are not among
 * them.
 */
final class RunFolderFleet implements Rollout.Fleet {

    private final RunFolder runFolder;
    private final SuiteDeclaration.Process service;
    private final Path newJar;
    /** The launch command of an instance from a jar (env(1) + java + arguments). */
    private final BiFunction<String, Path, List<String>> launch;

    RunFolderFleet(Path runFolder, SuiteDeclaration.Process service, Path newJar,
                   BiFunction<String, Path, List<String>> launch) {
        this.runFolder = new RunFolder(runFolder);
        this.service = service;
        this.newJar = newJar;
        this.launch = launch;
    }

    @Override
    public List<Rollout.Instance> oldInstances() {
        Pattern name = Pattern.compile(Pattern.quote(service.name) + "(?:-([0-9]+))?");
        // SERVICE first, then SERVICE-2, SERVICE-3... (in number order: SERVICE-10 after SERVICE-9)
        SortedMap<Integer, Rollout.Instance> instances = new TreeMap<>();
        for (String instance : runFolder.instances()) {
            Matcher matched = name.matcher(instance);
            if (matched.matches()) {
                instances.put(matched.group(1) == null ? 1 : Integer.parseInt(matched.group(1)),
                        new Rollout.Instance(instance, runFolder.port(instance)));
            }
        }
        return new ArrayList<>(instances.values());
    }

    /** As ./msa down: graceful, killed after 30 s. */
    @Override
    public void stop(Rollout.Instance instance) throws IOException, InterruptedException {
        runFolder.stop(instance.name);
    }

    /**
     * As ./msa starts a service instance: from its own copy of the jar, output to its log, detached from this
     * launcher (which exits once the rollout is done).
     */
    @Override
    public void startNewVersion(Rollout.Instance instance) throws IOException {
        // Later starts of the service (./msa scale) run the new version too.
        runFolder.jarCopy(service.name, newJar);
        Path jar = runFolder.jarCopy(instance.name, newJar);
        runFolder.start(instance.name, instance.port, service.health, launch.apply(instance.name, jar));
    }

    @Override
    public boolean isRunning(Rollout.Instance instance) {
        return runFolder.isRunning(instance.name);
    }

    @Override
    public String logTail(Rollout.Instance instance) {
        return runFolder.logTail(instance.name);
    }

    @Override
    public String healthUrl(Rollout.Instance instance) {
        return "http://localhost:" + instance.port + service.health;
    }

    /** Every gateway with a running process: zuul-gateway, zuul-gateway-2... */
    @Override
    public List<String> gateways() {
        List<String> gateways = new ArrayList<>();
        for (String instance : runFolder.instances()) {
            if (instance.matches("zuul-gateway(-[0-9]+)?") && runFolder.isRunning(instance)) {
                gateways.add("http://localhost:" + runFolder.port(instance));
            }
        }
        return gateways;
    }
}

package dev.msakit.systemtest;

import dev.msakit.launcher.Rollout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service's instances in the test suite as a promotion's rollout sees them (under ./msa it is the run folder's):
 * the suite's own instances of the module, replaced by processes with the new version's variables.
 */
final class SuiteFleet implements Rollout.Fleet {

    private final Suite suite;
    private final String module;
    private final Map<String, String> newVersion;
    private final List<SuiteProcess> gateways;

    SuiteFleet(Suite suite, String module, Map<String, String> newVersion, List<SuiteProcess> gateways) {
        this.suite = suite;
        this.module = module;
        this.newVersion = newVersion;
        this.gateways = gateways;
    }

    @Override
    public List<Rollout.Instance> oldInstances() {
        return instances().stream().map(process -> new Rollout.Instance(process.name(), process.port()))
                .collect(Collectors.toList());
    }

    @Override
    public void stop(Rollout.Instance instance) throws InterruptedException {
        process(instance).stop();
    }

    @Override
    public void startNewVersion(Rollout.Instance instance) throws IOException {
        suite.replace(process(instance), newVersion);
    }

    @Override
    public boolean isRunning(Rollout.Instance instance) {
        return process(instance).isAlive();
    }

    @Override
    public String logTail(Rollout.Instance instance) {
        return process(instance).logTail(40);
    }

    @Override
    public String healthUrl(Rollout.Instance instance) {
        return suite.healthUrl(process(instance));
    }

    @Override
    public List<String> gateways() {
        return gateways.stream().filter(SuiteProcess::isAlive).map(SuiteProcess::url).collect(Collectors.toList());
    }

    /** The suite's processes of the module (a test's extra instances, with their own names, are not among them). */
    private List<SuiteProcess> instances() {
        List<SuiteProcess> of = new ArrayList<>();
        for (SuiteProcess process : suite.processes()) {
            if (process.module().equals(module)) {
                of.add(process);
            }
        }
        return of;
    }

    private SuiteProcess process(Rollout.Instance instance) {
        return instances().stream().filter(process -> process.name().equals(instance.name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + instance.name + " in the suite"));
    }
}

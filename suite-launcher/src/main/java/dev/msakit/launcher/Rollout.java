package dev.msakit.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Promotion to full strength: after release-control PROMOTED a canary, every old instance of the service in turn is
 * stopped and an instance of the new version takes its name and port; the next old one goes only once the new one
 * is in every gateway's rotation. The service ends with as many instances as it had, all of the new version.
 * <p>
 * Run while the release is still PROMOTED: the gateways then send every request of the service to the canary, so an
 * old instance stops without a request on it and the service never has fewer instances serving than the canary
 * alone. The caller finishes the release afterwards (the gateways go back to plain round robin over the new
 * instances) and stops the canary. A rollout that cannot bring an instance up stops there, the remaining old
 * instances untouched, and says which and why.
 * <p>
 * {@code ./msa canary} runs it on the processes of its run folder ({@link RunFolderFleet}), the system tests on
 * theirs: the same steps and waits either way.
 */
public final class Rollout {

    /** Where the service's instances run, and how one is stopped and started. */
    public interface Fleet {

        /** The service's instances of the old version, in the order to replace them. */
        List<Instance> oldInstances();

        /** Gracefully: the instance deregisters and finishes its requests; returns once it has exited. */
        void stop(Instance instance) throws IOException, InterruptedException;

        /** Starts an instance of the new version with the old one's name and port; returns once it is launched. */
        void startNewVersion(Instance instance) throws IOException;

        /** Whether the instance's process runs (one that exited while starting ends the rollout at once). */
        boolean isRunning(Instance instance);

        /** The last lines of the instance's log, for the reason a rollout stopped. */
        String logTail(Instance instance);

        /** The URL at which the instance answers 200 once ready. */
        String healthUrl(Instance instance);

        /** Every running gateway's base URL (its actuator is under it). */
        List<String> gateways();
    }

    /** One instance of the service: its name (a log, a pid file) and the port it serves on. */
    public static final class Instance {
        public final String name;
        public final int port;

        public Instance(String name, int port) {
            this.name = name;
            this.port = port;
        }

        @Override
        public String toString() {
            return name + " (port " + port + ")";
        }
    }

    private final String service;
    private final Fleet fleet;
    private final GatewayRotation rotation;
    private final Consumer<String> progress;
    private final Duration timeout;

    public Rollout(String service, Fleet fleet, GatewayRotation rotation, Consumer<String> progress,
                   Duration timeout) {
        this.service = service;
        this.fleet = fleet;
        this.rotation = rotation;
        this.progress = progress;
        this.timeout = timeout;
    }

    /** Replaces every old instance; returns how many. */
    public int run() throws IOException, InterruptedException {
        List<Instance> old = fleet.oldInstances();
        for (Instance instance : old) {
            progress.accept("rollout: " + instance + " to the new version");
            fleet.stop(instance);
            long startedAt = System.currentTimeMillis();
            fleet.startNewVersion(instance);
            String health = fleet.healthUrl(instance);
            await(instance, instance.name + " ready", () -> rotation.answers(health));
            // The registration of the new process, not its predecessor's on the same port, which a gateway's copy of
            // the registry may still list.
            await(instance, instance.name + " in every gateway's rotation", () -> {
                for (String gateway : fleet.gateways()) {
                    if (!rotation.inRotation(gateway, service, instance.port, startedAt)) {
                        return false;
                    }
                }
                return true;
            });
        }
        progress.accept("rollout: " + old.size() + " instance(s) of " + service + " on the new version");
        return old.size();
    }

    private interface Condition {
        boolean holds() throws InterruptedException;
    }

    private void await(Instance instance, String what, Condition condition) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (!condition.holds()) {
            if (!fleet.isRunning(instance)) {
                throw new IllegalStateException(instance.name + " stopped while waiting for: " + what
                        + "; the remaining old instances run as they were. Its log ends:\n" + fleet.logTail(instance));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for: " + what
                        + "; the remaining old instances run as they were");
            }
            Thread.sleep(500);
        }
        progress.accept("  " + what + " after " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    }
}

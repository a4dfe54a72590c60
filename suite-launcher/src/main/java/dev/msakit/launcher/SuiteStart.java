package dev.msakit.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The suite's start order and the waits between its steps, written once: {@code ./msa up} runs it on the processes
 * of its run folder ({@link RunFolderSuite}), the system tests on theirs.
 * <ol>
 * <li>the database and the registry, until both answer;</li>
 * <li>tracing (services report spans from their first request), the services and the gateway (it resolves routes
 * per request and needs no service to start), until the services and the gateway answer;</li>
 * <li>monitoring;</li>
 * <li>every service registered, and the gateway routing to every instance: the API is ready;</li>
 * <li>tracing and monitoring answering, and every process that registers registered.</li>
 * </ol>
 * Start-up is CPU-bound on two cores: starting the consoles with the services, even at a lower CPU priority, made
 * the API later and the whole suite no sooner. Once the services answer, the API waits mostly on timers,
 * registration and the gateway's next look at the registry: seconds of idle CPU that the consoles' start-up fills.
 */
public final class SuiteStart {

    /** Where the suite's processes run: how each is started and asked about. */
    public interface Fleet {

        /** Starts every instance of the process; instances already running stay as they are. */
        void start(SuiteDeclaration.Process process) throws IOException;

        /** Whether every instance of the process answers its health URL. */
        boolean ready(SuiteDeclaration.Process process) throws InterruptedException;

        /** Whether every instance of the process is UP in the registry. */
        boolean registered(SuiteDeclaration.Process process) throws InterruptedException;

        /** Whether the gateway has every instance of the service in rotation. */
        boolean routed(SuiteDeclaration.Process service) throws InterruptedException;

        /** The end of the log of an instance of the process that no longer runs; empty while all run. */
        Optional<String> exited(SuiteDeclaration.Process process);
    }

    /** What is said while the suite starts. */
    public interface Progress {

        /** Still waiting for this, so long. */
        void waiting(String what, Duration waited);

        /** This holds now, after so long (and so long since the start began). */
        void done(String what, Duration waited, Duration sinceStart);

        /** The API (the gateway and every service behind it) is ready. */
        void apiReady(Duration sinceStart);
    }

    /** A condition polled until it holds. */
    interface Condition {
        boolean holds() throws InterruptedException;
    }

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final SuiteDeclaration declaration;
    private final Fleet fleet;
    private final Progress progress;
    private final Duration timeout;
    /** When the start began (reset by run; a lone await counts from the construction). */
    private long started;

    public SuiteStart(SuiteDeclaration declaration, Fleet fleet, Progress progress, Duration timeout) {
        this.declaration = declaration;
        this.fleet = fleet;
        this.progress = progress;
        this.timeout = timeout;
        this.started = System.nanoTime();
    }

    /** Starts the suite; returns once every process answers and is registered, with how long that took. */
    public Duration run() throws IOException, InterruptedException {
        started = System.nanoTime();
        start("data", "registry");
        awaitReady("data", "registry");
        start("tracing", "service", "edge");
        awaitReady("service", "edge");
        start("monitoring");
        for (SuiteDeclaration.Process service : declaration.inTier("service")) {
            await(service, service.name + " registered", () -> fleet.registered(service));
        }
        for (SuiteDeclaration.Process service : declaration.inTier("service")) {
            SuiteDeclaration.Process gateway = declaration.inTier("edge").get(0);
            await(gateway, gateway.name + " routing to " + service.name, () -> fleet.routed(service));
        }
        progress.apiReady(since(started));
        awaitReady("tracing", "monitoring");
        for (SuiteDeclaration.Process process : declaration.all()) {
            if (process.registers() && !process.tier.equals("service")) {
                await(process, process.name + " registered", () -> fleet.registered(process));
            }
        }
        return since(started);
    }

    private void start(String... tiers) throws IOException {
        for (SuiteDeclaration.Process process : declaration.inTier(tiers)) {
            fleet.start(process);
        }
    }

    private void awaitReady(String... tiers) throws InterruptedException {
        List<SuiteDeclaration.Process> processes = declaration.inTier(tiers);
        for (SuiteDeclaration.Process process : processes) {
            await(process, process.name + " ready", () -> fleet.ready(process));
        }
    }

    /** Polls until the condition holds; fails at once when the process stops, or after the timeout. */
    void await(SuiteDeclaration.Process process, String what, Condition condition) throws InterruptedException {
        long from = System.nanoTime();
        long nextTick = from + TICK.toNanos();
        while (!condition.holds()) {
            Optional<String> exited = fleet.exited(process);
            if (exited.isPresent()) {
                throw new IllegalStateException(process.name + " stopped while waiting for: " + what
                        + ". Its log ends:\n" + exited.get());
            }
            long now = System.nanoTime();
            if (now - from > timeout.toNanos()) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            if (now >= nextTick) {
                progress.waiting(what, since(from));
                nextTick = now + TICK.toNanos();
            }
            Thread.sleep(POLL.toMillis());
        }
        progress.done(what, since(from), since(started));
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}

package dev.msakit.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's down (./msa down) on stand-ins that write down when they were asked to stop and when they did. */
class SuiteDownTest {

    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    private final List<ProcessHandle> started = new ArrayList<>();

    @TempDir
    Path root;

    @AfterEach
    void stopStandIns() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theServicesStopTogetherThenTheRegistryThenTheData() throws Exception {
        Files.copy(ROOT.resolve("suite.conf"), root.resolve("suite.conf"));
        Path events = root.resolve("events.txt");
        for (String instance : List.of("postgres", "eureka-server", "product-service", "product-service-2",
                "zuul-gateway")) {
            record(instance, politeStandIn(instance, events));
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();

        int status = new LauncherCommand(Map.of(), new PrintStream(said, true, StandardCharsets.UTF_8))
                .run("down", root.toString());

        assertThat(status).isZero();
        List<String> order = Files.readAllLines(events);
        // The three services were all asked before any of them had finished: stopped together.
        for (String service : List.of("product-service", "product-service-2", "zuul-gateway")) {
            assertThat(order.indexOf(service + " asked")).as(order.toString())
                    .isLessThan(firstExit(order, "product-service", "product-service-2", "zuul-gateway"));
            assertThat(order.indexOf(service + " stopped")).as(order.toString())
                    .isLessThan(order.indexOf("eureka-server asked"));
        }
        assertThat(order.indexOf("eureka-server stopped")).as(order.toString())
                .isLessThan(order.indexOf("postgres asked"));
        assertThat(order).contains("postgres stopped");
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("  stopped product-service-2 (pid ",
                "  stopped postgres (pid ");
        assertThat(root.resolve(".run/pids")).isEmptyDirectory();
    }

    @Test
    void aProcessThatIgnoresTheRequestIsKilledAtTheGroupsLimitAndSaidSo() throws Exception {
        Process stubborn = standIn("trap '' TERM; echo ready; while true; do sleep 0.1; done");
        record("product-service", stubborn);
        List<String> said = new ArrayList<>();

        new RunFolder(root.resolve(".run")).stopTogether(List.of("product-service"), 1, said::add);

        assertThat(stubborn.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(said).containsExactly("  killed product-service (pid " + stubborn.pid()
                + "): not stopped after 1 s");
        assertThat(root.resolve(".run/pids/product-service.pid")).doesNotExist();
    }

    /**
     * A JVM killed while it writes its class-data archive leaves it cut off, and JDK 17 dies mapping such an archive
     * at the next start: only the archive of a process seen to stop on its own becomes the one the next start maps;
     * the one of a process killed is removed.
     */
    @Test
    void anArchiveWrittenAtExitBecomesTheArchiveOnlyWhenItsProcessStoppedOnItsOwn() throws Exception {
        Path killedArchive = root.resolve("killed/app.jsa");
        Path stoppedArchive = root.resolve("stopped/app.jsa");
        Path cutOff = Files.write(Files.createDirectories(killedArchive.getParent()).resolve("app.jsa.being-written"),
                new byte[] {1, 2, 3});
        Path whole = Files.write(Files.createDirectories(stoppedArchive.getParent()).resolve("app.jsa.being-written"),
                new byte[] {4, 5, 6});
        // Started as the launcher starts a JVM, which records the archive the instance writes at exit.
        RunFolder runFolder = new RunFolder(root.resolve(".run"));
        startedBy(runFolder, "order-service", "trap '' TERM; echo ready; while true; do sleep 0.1; done",
                "-XX:ArchiveClassesAtExit=" + cutOff);
        startedBy(runFolder, "product-service", "trap 'exit 0' TERM; echo ready; while true; do sleep 0.1; done",
                "-XX:ArchiveClassesAtExit=" + whole);
        List<String> said = new ArrayList<>();

        runFolder.stopTogether(List.of("order-service", "product-service"), 1, said::add);

        assertThat(cutOff).doesNotExist();
        assertThat(killedArchive).doesNotExist();
        assertThat(whole).doesNotExist();
        assertThat(stoppedArchive).hasBinaryContent(new byte[] {4, 5, 6});
        assertThat(said).anySatisfy(line -> assertThat(line).startsWith("  killed order-service")
                .endsWith("not stopped after 1 s; its unfinished class-data archive removed"));
        assertThat(root.resolve(".run/pids")).isEmptyDirectory();
    }

    private static int firstExit(List<String> order, String... instances) {
        int first = Integer.MAX_VALUE;
        for (String instance : instances) {
            int at = order.indexOf(instance + " stopped");
            first = at < 0 ? first : Math.min(first, at);
        }
        return first;
    }

    /** Writes "NAME asked" on SIGTERM, takes a moment to finish, writes "NAME stopped" and exits. */
    private Process politeStandIn(String name, Path events) throws IOException {
        return standIn("trap 'echo \"" + name + " asked\" >> " + events + "; sleep 0.3; echo \"" + name
                + " stopped\" >> " + events + "; exit 0' TERM; echo ready; while true; do sleep 0.1; done");
    }

    /** sh running the script; arguments after it show on its command line as a JVM's options would. */
    private Process standIn(String script, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", script, "stand-in"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        started.add(process.toHandle());
        // Its trap set before any signal comes.
        assertThat(new BufferedReader(new InputStreamReader(process.getInputStream())).readLine()).isEqualTo("ready");
        return process;
    }

    /** Through the run folder, as ./msa starts a process (nohup, its output to its log); once its trap is set. */
    private void startedBy(RunFolder runFolder, String instance, String script, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "-c", script, "stand-in"));
        command.addAll(List.of(arguments));
        long pid = runFolder.start(instance, 1, "/health", command);
        ProcessHandle.of(pid).ifPresent(process -> started.add(process));
        Path log = root.resolve(".run/logs/" + instance + ".log");
        for (int i = 0; i < 100 && !(Files.exists(log) && Files.readString(log).contains("ready")); i++) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(log)).contains("ready");
    }

    private void record(String instance, Process process) throws IOException {
        Path pids = Files.createDirectories(root.resolve(".run/pids"));
        Files.write(pids.resolve(instance + ".pid"), List.of(Long.toString(process.pid())));
        Files.write(pids.resolve(instance + ".endpoint"), List.of("1 /health"));
    }
}

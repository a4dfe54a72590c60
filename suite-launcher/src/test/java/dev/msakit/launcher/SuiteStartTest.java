package dev.msakit.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The suite's start order and waits, against a fleet that records what is asked of it. */
class SuiteStartTest {

    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    private final SuiteDeclaration declaration = SuiteDeclaration.read(ROOT);
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final List<String> said = new CopyOnWriteArrayList<>();

    @Test
    void theDatabaseAndRegistryFirstThenTheServicesAndGatewayThenMonitoringOnceTheServicesAnswer() throws Exception {
        RecordingFleet fleet = new RecordingFleet();

        new SuiteStart(declaration, fleet, progress(), Duration.ofSeconds(5)).run();

        assertThat(indexOf("start eureka-server")).isLessThan(indexOf("ready? eureka-server"));
        assertThat(indexOf("ready? eureka-server")).as("the registry answers before anything registers")
                .isLessThan(indexOf("start member-service"));
        assertThat(indexOf("start zipkin-server")).as("tracing before the services' first spans")
                .isLessThan(indexOf("start member-service"));
        assertThat(indexOf("ready? zuul-gateway")).as("monitoring only once services and gateway answer")
                .isLessThan(indexOf("start turbine"));
        assertThat(indexOf("routed? order-service")).as("the API is ready before the consoles are waited for")
                .isLessThan(indexOf("ready? admin-server"));
        assertThat(steps).as("every process started once").filteredOn(step -> step.startsWith("start "))
                .hasSize(declaration.all().size()).doesNotHaveDuplicates();
        assertThat(steps).as("every service routed").filteredOn(step -> step.startsWith("routed? "))
                .hasSize(declaration.inTier("service").size());
        assertThat(steps).as("every process that registers is registered")
                .filteredOn(step -> step.startsWith("registered? ")).hasSize((int) declaration.all().stream()
                        .filter(SuiteDeclaration.Process::registers).count());
        assertThat(said).contains("API ready");
        assertThat(said.indexOf("API ready")).isLessThan(said.indexOf("done admin-server ready"));
    }

    @Test
    void aWaitEndsWhenTheConditionHoldsAndSaysHowLongMeanwhile() throws Exception {
        RecordingFleet fleet = new RecordingFleet();
        fleet.notReadyFor.put("member-service", 8);   // seven "no"s: about 1.75 s of polling, a tick each second

        new SuiteStart(declaration, fleet, progress(), Duration.ofSeconds(5)).run();

        assertThat(steps).filteredOn("ready? member-service"::equals).hasSize(8);
        assertThat(said).contains("waiting member-service ready").contains("done member-service ready");
    }

    @Test
    void aProcessThatExitsEndsTheStartAtOnceWithItsLog() {
        RecordingFleet fleet = new RecordingFleet();
        fleet.notReadyFor.put("order-service", Integer.MAX_VALUE);
        fleet.exited.add("order-service");

        assertThatThrownBy(() -> new SuiteStart(declaration, fleet, progress(), Duration.ofSeconds(30)).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("order-service stopped while waiting for: order-service ready")
                .hasMessageContaining("Caused by: port in use");
        assertThat(steps).noneMatch(step -> step.equals("start turbine"));
    }

    @Test
    void aProcessThatNeverAnswersTimesOut() {
        RecordingFleet fleet = new RecordingFleet();
        fleet.notReadyFor.put("eureka-server", Integer.MAX_VALUE);

        assertThatThrownBy(() -> new SuiteStart(declaration, fleet, progress(), Duration.ofMillis(600)).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("timed out after 0 s waiting for: eureka-server ready");
        assertThat(steps).noneMatch(step -> step.equals("start member-service"));
    }

    private int indexOf(String step) {
        assertThat(steps).contains(step);
        return steps.indexOf(step);
    }

    private SuiteStart.Progress progress() {
        return new SuiteStart.Progress() {
            @Override
            public void waiting(String what, Duration waited) {
                if (!said.contains("waiting " + what)) {
                    said.add("waiting " + what);
                }
            }

            @Override
            public void done(String what, Duration waited, Duration sinceStart) {
                said.add("done " + what);
            }

            @Override
            public void apiReady(Duration sinceStart) {
                said.add("API ready");
            }
        };
    }

    private final class RecordingFleet implements SuiteStart.Fleet {
        final java.util.Map<String, Integer> notReadyFor = new java.util.HashMap<>();
        final Set<String> exited = new HashSet<>();

        @Override
        public void start(SuiteDeclaration.Process process) {
            steps.add("start " + process.name);
        }

        @Override
        public boolean ready(SuiteDeclaration.Process process) {
            steps.add("ready? " + process.name);
            int no = notReadyFor.getOrDefault(process.name, 0);
            if (no > 1) {
                notReadyFor.put(process.name, no - 1);
                return false;
            }
            return true;
        }

        @Override
        public boolean registered(SuiteDeclaration.Process process) {
            steps.add("registered? " + process.name);
            return true;
        }

        @Override
        public boolean routed(SuiteDeclaration.Process service) {
            steps.add("routed? " + service.name);
            return true;
        }

        @Override
        public Optional<String> exited(SuiteDeclaration.Process process) {
            return exited.contains(process.name) ? Optional.of("Caused by: port in use") : Optional.empty();
        }
    }
}

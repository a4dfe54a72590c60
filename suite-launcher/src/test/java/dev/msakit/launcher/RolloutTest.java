package dev.msakit.launcher;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rollout's steps against a fleet that only records them and two gateways that answer their actuator's
 * /ribbon view from the fleet's state, each seeing a started instance a little later, as a gateway's registry
 * cache does.
 */
class RolloutTest {

    private static final String SERVICE = "product-service";
    private static final String AUTHORIZATION = "Basic YWN0dWF0b3I6c2VjcmV0"; // actuator:secret

    private final FakeFleet fleet = new FakeFleet(List.of(new Rollout.Instance(SERVICE, 8082),
            new Rollout.Instance(SERVICE + "-2", 8182)));
    private final List<FakeGateway> gateways = new ArrayList<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServers() {
        gateways.forEach(gateway -> gateway.server.stop(0));
        fleet.health.stop(0);
    }

    @Test
    void replacesEachInstanceOnlyOnceEveryGatewayRoutesToItsSuccessor() throws Exception {
        FakeGateway fast = gateway(100);
        FakeGateway slow = gateway(900);

        int replaced = rollout(Duration.ofSeconds(20)).run();

        assertThat(replaced).isEqualTo(2);
        assertThat(fleet.steps).containsExactly("stop " + SERVICE, "start " + SERVICE, "stop " + SERVICE + "-2",
                "start " + SERVICE + "-2");
        // The second old instance went only after both gateways had routed to the first one's successor.
        assertThat(fleet.routedWhenStopped.get(SERVICE + "-2")).containsExactlyInAnyOrder(fast.url(), slow.url());
        assertThat(fleet.newVersion).containsExactly(SERVICE, SERVICE + "-2");
        assertThat(progress).contains("rollout: " + SERVICE + " (port 8082) to the new version",
                "rollout: 2 instance(s) of " + SERVICE + " on the new version");
        assertThat(progress).anyMatch(line -> line.startsWith("  " + SERVICE + "-2 in every gateway's rotation after"));
    }

    @Test
    void aGatewayThatStillListsOnlyThePredecessorsRegistrationHoldsTheRollout() throws Exception {
        gateway(50);
        FakeGateway stale = gateway(50);
        stale.listsOnlyPredecessors = true;

        assertThatThrownBy(() -> rollout(Duration.ofSeconds(2)).run()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("timed out after 2 s waiting for: " + SERVICE + " in every gateway's rotation")
                .hasMessageContaining("the remaining old instances run as they were");
        assertThat(fleet.steps).containsExactly("stop " + SERVICE, "start " + SERVICE);
    }

    @Test
    void aNewInstanceThatExitsWhileStartingStopsTheRolloutWithItsLog() throws Exception {
        gateway(50);
        fleet.exitsOnStart = SERVICE;

        assertThatThrownBy(() -> rollout(Duration.ofSeconds(20)).run()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SERVICE + " stopped while waiting for: " + SERVICE + " ready")
                .hasMessageContaining("APPLICATION FAILED TO START");
        assertThat(fleet.steps).containsExactly("stop " + SERVICE, "start " + SERVICE);
    }

    @Test
    void aGatewayAnsweringWithoutTheActuatorAccountIsNotTakenAsRouting() throws Exception {
        FakeGateway locked = gateway(0);
        locked.expectedAuthorization = "Basic b3RoZXI6b3RoZXI=";

        assertThatThrownBy(() -> rollout(Duration.ofSeconds(2)).run()).hasMessageContaining("timed out");
        assertThat(locked.refused).isPositive();
    }

    private Rollout rollout(Duration timeout) {
        fleet.gateways = gateways;
        return new Rollout(SERVICE, fleet, new GatewayRotation("actuator", "secret"), progress::add, timeout);
    }

    private FakeGateway gateway(long lagMillis) throws IOException {
        FakeGateway gateway = new FakeGateway(fleet, lagMillis);
        gateways.add(gateway);
        return gateway;
    }

    /** Records the steps; "runs" an instance from its start on; health answers 200 for a started instance. */
    static final class FakeFleet implements Rollout.Fleet {
        final List<Rollout.Instance> old;
        final List<String> steps = new CopyOnWriteArrayList<>();
        final Set<String> newVersion = Collections.newSetFromMap(new ConcurrentHashMap<>());
        final Map<String, Long> startedAt = new ConcurrentHashMap<>();
        final Map<String, Set<String>> routedWhenStopped = new ConcurrentHashMap<>();
        final HttpServer health;
        volatile List<FakeGateway> gateways = List.of();
        volatile String exitsOnStart;

        FakeFleet(List<Rollout.Instance> old) {
            this.old = old;
            try {
                health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            health.createContext("/health/", exchange -> {
                String name = exchange.getRequestURI().getPath().substring("/health/".length());
                exchange.sendResponseHeaders(newVersion.contains(name) && !name.equals(exitsOnStart) ? 200 : 503, -1);
                exchange.close();
            });
            health.start();
        }

        @Override
        public List<Rollout.Instance> oldInstances() {
            return old;
        }

        @Override
        public void stop(Rollout.Instance instance) {
            steps.add("stop " + instance.name);
            routedWhenStopped.put(instance.name, gateways.stream().filter(gateway -> gateway.routedNew
                    .containsAll(newVersion)).map(FakeGateway::url).collect(Collectors.toSet()));
        }

        @Override
        public void startNewVersion(Rollout.Instance instance) {
            steps.add("start " + instance.name);
            startedAt.put(instance.name, System.currentTimeMillis());
            newVersion.add(instance.name);
        }

        @Override
        public boolean isRunning(Rollout.Instance instance) {
            return !instance.name.equals(exitsOnStart);
        }

        @Override
        public String logTail(Rollout.Instance instance) {
            return "***************************\nAPPLICATION FAILED TO START\n***************************";
        }

        @Override
        public String healthUrl(Rollout.Instance instance) {
            return "http://127.0.0.1:" + health.getAddress().getPort() + "/health/" + instance.name;
        }

        @Override
        public List<String> gateways() {
            return gateways.stream().map(FakeGateway::url).collect(Collectors.toList());
        }
    }

    /** /actuator/ribbon/product-service from the fleet: a started instance in rotation lagMillis after its start. */
    static final class FakeGateway {
        final HttpServer server;
        final Set<String> routedNew = Collections.newSetFromMap(new ConcurrentHashMap<>());
        volatile boolean listsOnlyPredecessors;
        volatile String expectedAuthorization = AUTHORIZATION;
        volatile int refused;

        FakeGateway(FakeFleet fleet, long lagMillis) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/actuator/ribbon/" + SERVICE, exchange -> {
                if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    refused++;
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
                long now = System.currentTimeMillis();
                StringBuilder json = new StringBuilder("{\"service\":\"" + SERVICE + "\",\"instances\":[");
                for (Rollout.Instance instance : fleet.old) {
                    Long started = fleet.startedAt.get(instance.name);
                    boolean seesNew = started != null && now - started >= lagMillis && !listsOnlyPredecessors;
                    if (seesNew) {
                        routedNew.add(instance.name);
                    }
                    json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                            .append("{\"hostPort\":\"localhost:").append(instance.port)
                            .append("\",\"registeredAt\":").append(seesNew ? started + 5 : 1_000)
                            .append(",\"activeRequests\":0,\"circuitTripped\":false,\"inRotation\":true}");
                }
                byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}

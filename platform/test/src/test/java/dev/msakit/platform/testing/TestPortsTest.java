package dev.msakit.platform.testing;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TestPortsTest {

    @Test
    void portsComeFromBelowTheEphemeralRangeAreFreeAndNeverRepeat() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = TestPorts.next();
            assertThat(port).isBetween(20_000, TestPorts.ephemeralStart() - 1);
            assertThat(ports.add(port)).as("handed out twice: " + port).isTrue();
        }
        int port = TestPorts.next();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(port));
            assertThat(listener.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortSomeoneListensOnIsNotHandedOut() throws Exception {
        // Listen on a run of candidate ports: none of them may be handed out while taken.
        Set<Integer> occupied = new HashSet<>();
        java.util.List<ServerSocket> listeners = new java.util.ArrayList<>();
        try {
            for (int p = 20_000; p < 20_000 + 200; p++) {
                ServerSocket listener = new ServerSocket();
                try {
                    listener.bind(new InetSocketAddress(p));
                    listeners.add(listener);
                    occupied.add(p);
                } catch (java.io.IOException alreadyTaken) {
                    listener.close();
                }
            }
            for (int i = 0; i < 200; i++) {
                assertThat(occupied).doesNotContain(TestPorts.next());
            }
        } finally {
            for (ServerSocket listener : listeners) {
                listener.close();
            }
        }
    }
}

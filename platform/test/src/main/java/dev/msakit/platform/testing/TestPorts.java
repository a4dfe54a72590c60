package dev.msakit.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for processes the tests start and may restart on the same port. They come from below the kernel's ephemeral
 * range: a port there is never given to the local end of an outgoing connection, so while a process is down (a
 * restart, a fault test) no client connection can take its port and make the restart fail to bind. A port from
 * {@code new ServerSocket(0)} is an ephemeral one and has exactly that risk.
 */
public final class TestPorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Above the ports ./msa declares (8080, 8761, 5432, 9092, 9411, ...). */
    private static final int LOWEST = 20_000;
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private TestPorts() {
    }

    /** A port nobody listens on or is connected from, never one handed out before in this JVM. */
    public static synchronized int next() {
        int highest = ephemeralStart() - 1;
        if (highest - LOWEST < 1_000) {
            return ephemeral(); // the whole range is ephemeral here: nothing better to offer
        }
        int span = highest - LOWEST + 1;
        // A random start: separate test JVMs (module by module) rarely probe the same ports.
        int offset = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = LOWEST + (offset + i) % span;
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + highest);
    }

    static int ephemeralStart() {
        // Not Files.readString: on JDK 17 it returns the first character of a /proc file only (its size reads 0).
        try (java.io.BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            String[] range = reader.readLine().trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException notLinux) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    /** Without SO_REUSEADDR, so that a connection lingering in TIME_WAIT on the port also counts as taken. */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeral() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package dev.msakit.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * How busy the machine's cores were while a test class ran (all processes: the suite, the clients, the test JVM),
 * from the kernel's counters in /proc/stat. A class near 100 % is bound by CPU, and only less work makes it faster;
 * one far below it waits (timers, sleeps, a process starting elsewhere), and overlapping it with other work could.
 * .ci/run prints the figure beside each class's time.
 */
final class MachineCpu {

    private static final Path STAT = Paths.get("/proc/stat");

    /** Jiffies since boot, all cores together: the busy ones and all of them. */
    static final class Sample {
        final long busy;
        final long total;

        Sample(long busy, long total) {
            this.busy = busy;
            this.total = total;
        }

        /** Percent of the cores' time spent busy since the earlier sample. */
        int busyPercentSince(Sample earlier) {
            long elapsed = total - earlier.total;
            return elapsed <= 0 ? 0 : (int) Math.round(100.0 * (busy - earlier.busy) / elapsed);
        }
    }

    private MachineCpu() {
    }

    /** Now, or nothing where there is no /proc/stat (not Linux). */
    static Optional<Sample> now() {
        try {
            return Optional.of(parse(Files.readAllLines(STAT, StandardCharsets.US_ASCII).get(0)));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The "cpu" line: user nice system idle iowait irq softirq steal ...; idle and iowait are the cores' free
     * time (a core waiting for the disk could run something else).
     */
    static Sample parse(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not the machine's cpu line: " + cpuLine);
        }
        long total = 0;
        long free = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            long value = Long.parseLong(fields[i]);
            total += value;
            if (i == 4 || i == 5) {
                free += value;
            }
        }
        return new Sample(total - free, total);
    }

    /** One line per class in the given file (class, seconds, busy percent), for .ci/run's table. */
    static void record(Path file, String testClass, long seconds, int busyPercent) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, (testClass + "\t" + seconds + "\t" + busyPercent + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("CPU figure of " + testClass + " not written: " + e);
        }
    }
}

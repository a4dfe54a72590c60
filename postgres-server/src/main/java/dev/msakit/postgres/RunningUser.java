package dev.msakit.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/** Who this JVM runs as, from the kernel's own view (no JDK-internal classes). */
final class RunningUser {

    private RunningUser() {
    }

    static boolean isRoot() {
        try {
            // "Uid:\treal\teffective\tsaved\tfs"
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return "0".equals(line.split("\\s+")[2]);
                }
            }
        } catch (IOException notLinux) {
            // macOS has no /proc; PostgreSQL there runs as the user who starts it.
        }
        return false;
    }
}

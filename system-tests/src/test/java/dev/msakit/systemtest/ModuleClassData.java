package dev.msakit.systemtest;

import dev.msakit.launcher.ExplodedJar;
import dev.msakit.launcher.JavaCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One class-data archive per module, shared by every instance the tests start of it (product-service-1 and -2, the
 * canaries, a restarted gateway): the first instance started without one writes it when it exits, under a temporary
 * name, as ./msa's do: it becomes the module's archive only once that process has ended (a half-written archive is
 * never mapped);
 * every later start maps it, read-only. ./msa keeps one archive per instance instead (its instances live across
 * runs); here the processes live minutes, and most of the starts are of a module started before under another name.
 */
final class ModuleClassData {

    /** Module -> the instance writing its archive at exit. */
    private static final Map<String, String> WRITERS = new ConcurrentHashMap<>();

    private ModuleClassData() {
    }

    /** The JVM options for the archive of this start: map it, write it at exit, or neither (another one writes). */
    static List<String> options(ExplodedJar exploded, String module, String instance) {
        Path archive = exploded.classDataArchive();
        if (Files.isRegularFile(archive)) {
            return JavaCommand.mapping(archive);
        }
        if (WRITERS.putIfAbsent(module, instance) != null) {
            return List.of();
        }
        return JavaCommand.writingAtExit(archive);
    }

    /** The exit status of a process ended by SIGKILL (128 + 9): whatever it was writing may be cut off. */
    private static final int KILLED = 137;

    /**
     * Once the writer has exited: the archive it wrote becomes the module's, unless it was killed (a kill -9 while
     * it ran wrote none; one while it wrote would leave it cut off).
     */
    static void exited(ExplodedJar exploded, String module, String instance, int exitStatus) {
        if (!WRITERS.remove(module, instance)) {
            return;
        }
        Path written = JavaCommand.beingWritten(exploded.classDataArchive());
        try {
            if (exitStatus != KILLED && JavaCommand.archiveWritten(written)) {
                System.out.printf("Suite: %s's class-data archive written by %s (exit %d)%n", module, instance,
                        exitStatus);
            } else {
                Files.deleteIfExists(written);
                System.out.printf("Suite: no class-data archive of %s from %s (exit %d)%n", module, instance,
                        exitStatus);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

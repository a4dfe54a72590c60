package dev.msakit.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spring Boot jar unpacked to a plain class path: app.jar (the application's own classes) and the libraries in the
 * order its classpath.idx gives, plus the class to run. Start-up is CPU-bound on two cores, and a fat jar's nested
 * jars are read through Spring Boot's own URL handler: the same service is ready in about 3 s from the class path
 * where it takes 5 s from the jar. Only a class path of plain jar files can also be written to a class-data sharing
 * archive (the JVM refuses directories).
 *
 * <p>One folder per jar content (KEY-DIGEST): a rebuilt jar gets a fresh one, and the folders of earlier builds are
 * removed. Written to a temporary folder and renamed, so that a reader never sees half of one.
 */
public final class ExplodedJar {

    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String INDEX = "BOOT-INF/classpath.idx";
    private static final String BUILD_INFO = "META-INF/build-info.properties";
    private static final String LAYOUT = "layout 2";

    private final Path jar;
    private final Path directory;
    private final List<Path> classPath;
    private final String mainClass;

    private ExplodedJar(Path jar, Path directory, List<Path> classPath, String mainClass) {
        this.jar = jar;
        this.directory = directory;
        this.classPath = classPath;
        this.mainClass = mainClass;
    }

    /**
     * The jar unpacked under parent/KEY-DIGEST (reused when there). A jar that is not a Spring Boot jar with a class
     * path index keeps running as it is (java -jar), with its folder for the class-data archive all the same.
     */
    public static ExplodedJar of(Path jar, Path parent, String key) {
        try {
            Path directory = directoryFor(jar, parent, key);
            Path main = directory.resolve("main");
            if (!Files.isRegularFile(main)) {
                removeEarlierBuilds(parent, key);
                unpack(jar, directory);
            }
            String mainClass = Files.readString(main, StandardCharsets.UTF_8).trim();
            List<Path> classPath = mainClass.isEmpty() ? List.of()
                    : Files.readAllLines(directory.resolve("classpath"), StandardCharsets.UTF_8).stream()
                            .filter(line -> !line.isBlank()).map(directory::resolve).collect(Collectors.toList());
            return new ExplodedJar(jar, directory, classPath, mainClass);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + jar, e);
        }
    }

    /** Where this jar's class-data archive lives (written at the first run's exit when missing). */
    public Path classDataArchive() {
        return classDataArchiveIn(directory);
    }

    /** The class-data archive of a jar unpacked (or to be unpacked) in this folder ({@link #directoryFor}). */
    public static Path classDataArchiveIn(Path directory) {
        return directory.resolve("app.jsa");
    }

    /** What follows the options on the java command line: -cp CLASS_PATH MAIN, or -jar JAR for a plain jar. */
    public List<String> runArguments() {
        if (mainClass.isEmpty()) {
            return List.of("-jar", jar.toString());
        }
        return List.of("-cp", classPath.stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator)), mainClass);
    }

    /** The folder this jar content would be unpacked to (whether it is yet or not). */
    public static Path directoryFor(Path jar, Path parent, String key) {
        try {
            return parent.resolve(key + "-" + digest(jar));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unpack(Path jar, Path directory) throws IOException {
        Path unpacking = directory.resolveSibling(directory.getFileName() + ".tmp");
        deleteRecursively(unpacking);
        Files.createDirectories(unpacking);
        String mainClass = "";
        List<String> classPath = new ArrayList<>();
        try (JarFile fat = new JarFile(jar.toFile())) {
            Manifest manifest = fat.getManifest();
            String start = manifest == null ? null : manifest.getMainAttributes().getValue("Start-Class");
            JarEntry index = fat.getJarEntry(INDEX);
            if (start != null && index != null) {
                mainClass = start.trim();
                classPath.add("app.jar");
                try (JarOutputStream app = new JarOutputStream(Files.newOutputStream(unpacking.resolve("app.jar")),
                        applicationManifest())) {
                    for (JarEntry entry : java.util.Collections.list(fat.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(CLASSES) && name.length() > CLASSES.length()) {
                            app.putNextEntry(new JarEntry(name.substring(CLASSES.length())));
                            if (!entry.isDirectory()) {
                                copy(fat, entry, app);
                            }
                            app.closeEntry();
                        } else if (name.equals(BUILD_INFO)) {
                            // Boot's repackager leaves it at the jar's root, which java -jar puts on the class path:
                            // without it an instance registers its build as "unknown".
                            app.putNextEntry(new JarEntry(name));
                            copy(fat, entry, app);
                            app.closeEntry();
                        } else if (name.startsWith("BOOT-INF/lib/") && !entry.isDirectory()) {
                            Path library = unpacking.resolve(name);
                            Files.createDirectories(library.getParent());
                            try (InputStream in = fat.getInputStream(entry)) {
                                Files.copy(in, library);
                            }
                        }
                    }
                }
                String indexText = new String(fat.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
                for (String line : indexText.split("\n")) {
                    String row = line.trim();
                    // - "BOOT-INF/lib/name.jar"
                    if (row.startsWith("- \"") && row.endsWith("\"")) {
                        classPath.add(row.substring(3, row.length() - 1));
                    }
                }
            }
        }
        Files.write(unpacking.resolve("classpath"), classPath, StandardCharsets.UTF_8);
        Files.writeString(unpacking.resolve("main"), mainClass + "\n", StandardCharsets.UTF_8);
        deleteRecursively(directory);
        Files.move(unpacking, directory, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Manifest applicationManifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return manifest;
    }

    private static void copy(JarFile jar, JarEntry entry, OutputStream to) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            in.transferTo(to);
        }
    }

    /** 12 hex digits of the MD5 of the jar (and this class's layout): which build this is, not a security check. */
    private static String digest(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            // What goes into a folder changed once (build-info.properties): folders of the old layout are not reused.
            md5.update(LAYOUT.getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                md5.update(buffer, 0, read);
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : md5.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** KEY-<12 hex digits> (and its .tmp): not product-service-2's folders when the key is product-service. */
    private static void removeEarlierBuilds(Path parent, String key) throws IOException {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : children.collect(Collectors.toList())) {
                String name = child.getFileName().toString();
                if (name.startsWith(key + "-") && name.substring(key.length() + 1).matches("[0-9a-f]{12}(\\.tmp)?")) {
                    deleteRecursively(child);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}

package dev.msakit.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class ExplodedJarTest {

    @TempDir
    Path temp;

    @Test
    void aSpringBootJarRunsFromItsOwnClassesThenItsLibrariesInIndexOrder() throws IOException {
        Path jar = bootJar("one", "com.example.App");
        Path cache = temp.resolve("cache");

        List<String> run = ExplodedJar.of(jar, cache, "product-service").runArguments();

        Path folder = onlyFolder(cache);
        assertThat(folder.getFileName().toString()).matches("product-service-[0-9a-f]{12}");
        assertThat(run).containsExactly("-cp", folder.resolve("app.jar") + ":" + folder.resolve("BOOT-INF/lib/b.jar")
                + ":" + folder.resolve("BOOT-INF/lib/a.jar"), "com.example.App");
        try (JarFile app = new JarFile(folder.resolve("app.jar").toFile())) {
            assertThat(new String(app.getInputStream(app.getJarEntry("com/example/App.class")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("one");
            assertThat(app.getJarEntry("application.yml")).isNotNull();
            assertThat(app.getJarEntry("META-INF/build-info.properties")).as("the build an instance registers")
                    .isNotNull();
            assertThat(app.getJarEntry("org/springframework/boot/loader/JarLauncher.class")).isNull();
        }
        assertThat(Files.readString(folder.resolve("BOOT-INF/lib/a.jar"))).isEqualTo("library a");
    }

    @Test
    void theSameBuildIsUnpackedOnceAndARebuildReplacesOnlyItsOwnKeysFolder() throws IOException {
        Path jar = bootJar("one", "com.example.App");
        Path cache = temp.resolve("cache");
        Path first = ExplodedJar.of(jar, cache, "product-service").classDataArchive().getParent();
        Files.writeString(first.resolve("app.jsa"), "archive");
        Path secondInstance = ExplodedJar.of(jar, cache, "product-service-2").classDataArchive().getParent();

        assertThat(ExplodedJar.of(jar, cache, "product-service").classDataArchive()).hasContent("archive");

        bootJar("two", "com.example.App");
        Path rebuilt = ExplodedJar.of(jar, cache, "product-service").classDataArchive().getParent();
        assertThat(rebuilt).isNotEqualTo(first);
        assertThat(first).doesNotExist();
        assertThat(secondInstance).exists();
        assertThat(rebuilt.resolve("app.jsa")).doesNotExist();
    }

    @Test
    void aPlainJarRunsAsItIsWithAFolderForItsArchive() throws IOException {
        Path jar = temp.resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.example.Plain");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            entry(out, "com/example/Plain.class", "plain");
        }

        ExplodedJar exploded = ExplodedJar.of(jar, temp.resolve("cache"), "postgres");

        assertThat(exploded.runArguments()).containsExactly("-jar", jar.toString());
        assertThat(exploded.classDataArchive().getParent()).isDirectory();
    }

    @Test
    void anArchiveIsWrittenAtTheFirstExitAndMappedAfterwards() throws IOException {
        Path jar = bootJar("one", "com.example.App");
        Path cache = temp.resolve("cache");
        List<String> options = List.of("-Xmx64m");

        List<String> first = JavaCommand.arguments(options, jar, JavaCommand.ClassData.ARCHIVED, cache, "turbine");
        Path archive = ExplodedJar.of(jar, cache, "turbine").classDataArchive();
        Path beingWritten = archive.resolveSibling("app.jsa.being-written");
        assertThat(first).startsWith("-Xmx64m", "-XX:ArchiveClassesAtExit=" + beingWritten)
                .contains("com.example.App");

        // Left under its temporary name (its writer killed, the power gone): written again, never mapped.
        Files.writeString(beingWritten, "cut off");
        assertThat(JavaCommand.arguments(options, jar, JavaCommand.ClassData.ARCHIVED, cache, "turbine"))
                .startsWith("-Xmx64m", "-XX:ArchiveClassesAtExit=" + beingWritten);

        Files.writeString(beingWritten, "written at exit");
        assertThat(JavaCommand.archiveWritten(beingWritten)).isTrue();
        assertThat(archive).hasContent("written at exit");
        assertThat(beingWritten).doesNotExist();
        assertThat(JavaCommand.arguments(options, jar, JavaCommand.ClassData.ARCHIVED, cache, "turbine"))
                .startsWith("-Xmx64m", "-XX:SharedArchiveFile=" + archive).endsWith("com.example.App");
        assertThat(JavaCommand.arguments(options, jar, JavaCommand.ClassData.CLASS_PATH, cache, "turbine"))
                .noneMatch(argument -> argument.contains("Archive")).endsWith("com.example.App");
        assertThat(JavaCommand.arguments(options, jar, JavaCommand.ClassData.JAR, cache, "turbine"))
                .containsExactly("-Xmx64m", "-jar", jar.toString());
    }

    @Test
    void aJvmWithAJavaAgentOrARecordingFromItsStartRunsWithoutAnArchive() throws IOException {
        JavaCommand.ClassData archived = JavaCommand.ClassData.ARCHIVED;
        assertThat(JavaCommand.usable(archived, List.of("-Xmx64m", "-javaagent:/opt/apm/agent.jar"), Map.of()))
                .isEqualTo(JavaCommand.ClassData.CLASS_PATH);
        assertThat(JavaCommand.usable(archived, List.of("-XX:StartFlightRecording=filename=a.jfr"), Map.of()))
                .isEqualTo(JavaCommand.ClassData.CLASS_PATH);
        assertThat(JavaCommand.usable(archived, List.of("-Xmx64m"),
                Map.of("JAVA_TOOL_OPTIONS", " -Dx=1  -agentpath:/opt/profiler/lib.so")))
                .isEqualTo(JavaCommand.ClassData.CLASS_PATH);
        assertThat(JavaCommand.usable(archived, List.of("-Xmx64m"), Map.of("JDK_JAVA_OPTIONS", "-agentlib:jdwp=x")))
                .isEqualTo(JavaCommand.ClassData.CLASS_PATH);
        assertThat(JavaCommand.usable(archived, List.of("-Dnote=-javaagent:x", "-XX:+FlightRecorder"),
                Map.of("JAVA_TOOL_OPTIONS", "-Xss1m"))).as("no hook: the archive stays").isEqualTo(archived);
        assertThat(JavaCommand.usable(JavaCommand.ClassData.JAR, List.of("-javaagent:/a.jar"), Map.of()))
                .isEqualTo(JavaCommand.ClassData.JAR);

        Path jar = bootJar("one", "com.example.App");
        List<String> printed = launcherPrints(Map.of("MSA_CDS", "1"), "launch", turbineSuite().toString(), "turbine",
                "turbine", jar.toString(), "JAVA_TOOL_OPTIONS=-javaagent:/opt/apm/agent.jar");

        assertThat(printed).contains("JAVA_TOOL_OPTIONS=-javaagent:/opt/apm/agent.jar", "com.example.App")
                .noneMatch(argument -> argument.contains("Archive"));
    }

    @Test
    void theCommandGivesMsaTheDeclaredSetThenTheExtraOptions() throws IOException {
        Path jar = bootJar("one", "com.example.App");

        List<String> printed = launcherPrints(Map.of("MSA_JAVA_OPTS", "-Xmx99m", "MSA_CDS", "0"), "java-args",
                turbineSuite().toString(), "turbine", "turbine-2", jar.toString(), "-Dx=1");

        assertThat(printed)
                .containsExactly("-Xmx99m", "-XX:TieredStopAtLevel=1", "-Xmn16m", "-Dx=1", "-jar", jar.toString());
    }

    /** A suite root whose suite.conf declares Turbine only. */
    private Path turbineSuite() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Files.writeString(root.resolve("suite.conf"), "# name module port tier health database jvm public\n"
                + "turbine  turbine  8989  monitoring  /actuator/health  -  support  no\n");
        return root;
    }

    /** What the launcher prints for the command, line by line, once it has succeeded. */
    private static List<String> launcherPrints(Map<String, String> environment, String... command) {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        LauncherCommand launcher = new LauncherCommand(environment,
                new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(launcher.run(command)).isZero();
        return List.of(printed.toString(StandardCharsets.UTF_8).split("\n"));
    }

    private Path bootJar(String classContent, String mainClass) throws IOException {
        Path jar = temp.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.JarLauncher");
        manifest.getMainAttributes().putValue("Start-Class", mainClass);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            entry(out, "org/springframework/boot/loader/JarLauncher.class", "loader");
            entry(out, "BOOT-INF/classes/com/example/App.class", classContent);
            entry(out, "BOOT-INF/classes/application.yml", "server.port: 1");
            entry(out, "BOOT-INF/lib/a.jar", "library a");
            entry(out, "BOOT-INF/lib/b.jar", "library b");
            entry(out, "META-INF/build-info.properties", "build.version=1.0.0");
            entry(out, "BOOT-INF/classpath.idx", "- \"BOOT-INF/lib/b.jar\"\n- \"BOOT-INF/lib/a.jar\"\n");
        }
        return jar;
    }

    private static void entry(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream body = out;
        body.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static Path onlyFolder(Path cache) throws IOException {
        try (var children = Files.list(cache)) {
            List<Path> all = children.collect(java.util.stream.Collectors.toList());
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}

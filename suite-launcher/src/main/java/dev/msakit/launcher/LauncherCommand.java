package dev.msakit.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ./msa's way in (java -jar suite-launcher/target/suite-launcher.jar COMMAND ...), reading the same environment
 * variables as ./msa documents (MSA_CDS, MSA_JAVA_OPTS, MSA_SUPPORT_JAVA_OPTS, MSA_TRACING_JAVA_OPTS,
 * MSA_DATABASE_JAVA_OPTS, MSA_NATIVE_TRIM_MS):
 * <pre>
 *   java-args ROOT PROCESS INSTANCE JAR [OPTION...]  the java arguments that start INSTANCE of PROCESS from JAR,
 *                                                    one per line (extra OPTIONs after the set's)
 *   class-data ROOT                                  each process's class-data archive for the jar built now;
 *                                                    exit 1 when one is missing
 * </pre>
 */
public final class LauncherCommand {

    private final Map<String, String> environment;
    private final PrintStream out;

    LauncherCommand(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new LauncherCommand(System.getenv(), System.out).run(args);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("suite-launcher: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    int run(String... args) {
        if (args.length >= 5 && args[0].equals("java-args")) {
            Path root = Paths.get(args[1]);
            SuiteDeclaration.Process process = SuiteDeclaration.read(root).named(args[2]);
            Path jar = Paths.get(args[4]);
            List<String> options = new java.util.ArrayList<>(JvmOptions.from(environment).of(process.jvm));
            options.addAll(Arrays.asList(args).subList(5, args.length));
            JavaCommand.arguments(options, jar, classData(), unpacked(root), args[3]).forEach(out::println);
            return 0;
        }
        if (args.length == 2 && args[0].equals("class-data")) {
            return reportClassData(Paths.get(args[1]));
        }
        throw new IllegalArgumentException("usage: java-args ROOT PROCESS INSTANCE JAR [OPTION...] | class-data ROOT");
    }

    private int reportClassData(Path root) {
        if (classData() != JavaCommand.ClassData.ARCHIVED) {
            out.println("Class-data archives are off (MSA_CDS=" + environment.get("MSA_CDS") + ").");
            return 0;
        }
        int missing = 0;
        for (SuiteDeclaration.Process process : SuiteDeclaration.read(root).all()) {
            Path jar = root.resolve(process.module).resolve("target").resolve(process.module + ".jar");
            if (!Files.isRegularFile(jar)) {
                out.println("  " + process.name + ": no jar (./msa build)");
                missing++;
                continue;
            }
            Path archive = ExplodedJar.directoryFor(jar, unpacked(root), process.name).resolve("app.jsa");
            if (Files.isRegularFile(archive) && archive.toFile().length() > 0) {
                out.println("  " + process.name + ": " + archive.toFile().length() / (1024 * 1024) + " MB archive");
            } else {
                out.println("  " + process.name + ": none yet (written at the next ./msa down)");
                missing++;
            }
        }
        return missing == 0 ? 0 : 1;
    }

    /** MSA_CDS=1 (the default) with archives; anything else runs each jar with plain java -jar. */
    private JavaCommand.ClassData classData() {
        return "1".equals(environment.getOrDefault("MSA_CDS", "1").trim())
                ? JavaCommand.ClassData.ARCHIVED : JavaCommand.ClassData.JAR;
    }

    private static Path unpacked(Path root) {
        return root.resolve(".run").resolve("cds");
    }
}

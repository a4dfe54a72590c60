package dev.msakit.systemtest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node tools in standard-clients/ (panva/jose, Redocly): installed once per test JVM with npm ci when node is
 * here. MSA_REQUIRE_NODE=1 (CI) makes a missing node a failure instead of a skipped test.
 */
final class StandardClients {

    static final Path DIR = Paths.get(System.getProperty("suite.root", ".."), "standard-clients")
            .toAbsolutePath().normalize();
    private static boolean installed;

    private StandardClients() {
    }

    /** Whether the tools can run here; installs them the first time. */
    static synchronized boolean available() throws Exception {
        boolean nodeHere = onPath("node") && onPath("npm");
        if (!nodeHere && "1".equals(System.getenv("MSA_REQUIRE_NODE"))) {
            throw new IllegalStateException("node and npm are required here (MSA_REQUIRE_NODE=1)");
        }
        if (nodeHere && !installed) {
            Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--silent"), "", Duration.ofMinutes(3));
            if (npm.exitCode != 0) {
                throw new IOException("npm ci failed: " + npm.output);
            }
            installed = true;
        }
        return nodeHere;
    }

    static Result run(List<String> command, String input, Duration within) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(DIR.toFile())
                .redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish within " + within);
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Paths.get(dir, command).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }

    static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}

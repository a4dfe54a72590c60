package dev.msakit.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** suite.conf, the one list of the suite's processes that ./msa, bench/run and the system tests share. */
public final class SuiteDeclaration {

    /** Start order: each tier starts once the tiers before it are up, as ./msa does. */
    public static final List<String> TIERS = List.of("data", "registry", "tracing", "service", "edge", "monitoring");

    private final List<Process> processes;

    private SuiteDeclaration(List<Process> processes) {
        this.processes = Collections.unmodifiableList(processes);
    }

    public static SuiteDeclaration read(Path root) {
        List<Process> processes = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(root.resolve("suite.conf"), StandardCharsets.UTF_8)) {
                String row = line.trim();
                if (row.isEmpty() || row.startsWith("#")) {
                    continue;
                }
                String[] c = row.split("\\s+");
                if (c.length != 8 || !TIERS.contains(c[3]) || !JvmOptions.SETS.contains(c[6])) {
                    throw new IllegalStateException(
                            "suite.conf: bad row (8 columns, a known tier and JVM option set): " + line);
                }
                processes.add(new Process(c[0], c[1], Integer.parseInt(c[2]), c[3], c[4],
                        "-".equals(c[5]) ? null : c[5], c[6], "yes".equals(c[7])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SuiteDeclaration(processes);
    }

    public List<Process> all() {
        return processes;
    }

    public List<Process> inTier(String... tiers) {
        List<String> wanted = List.of(tiers);
        return processes.stream().filter(p -> wanted.contains(p.tier)).collect(Collectors.toList());
    }

    public List<Process> databaseOwners() {
        return processes.stream().filter(p -> p.database != null).collect(Collectors.toList());
    }

    /** The process a module runs (each module runs one declared process). */
    public Process ofModule(String module) {
        return processes.stream().filter(p -> p.module.equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process of module " + module + " in suite.conf"));
    }

    /**
     * The group an instance stops in (0 first): every service, gateway and console together, each deregistering,
     * finishing its requests and committing its offsets while the registry, the broker and the database are still
     * there; then the registry and Zipkin; then the broker and the database. One by one, each Eureka client's goodbye
     * added up (./msa down took 32 s, the system tests' suite 43). ./msa down (through the launcher's down) and the
     * system tests stop by this rule. An instance not declared by name is a service's extra one (scaled, baseline,
     * canary): the first group.
     */
    public int stopGroupOf(String instance) {
        return processes.stream().filter(p -> p.name.equals(instance)).findFirst().map(p -> stopGroup(p.tier))
                .orElse(0);
    }

    /** The stop group of a tier (see {@link #stopGroupOf}). */
    public static int stopGroup(String tier) {
        switch (tier) {
            case "data":
                return 2;
            case "registry":
            case "tracing":
                return 1;
            default:
                return 0;
        }
    }

    public Process named(String name) {
        return processes.stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in suite.conf: " + name));
    }

    public static final class Process {
        public final String name;
        public final String module;
        public final int port;
        public final String tier;
        public final String health;
        /** ACCOUNT/database, or null. */
        public final String database;
        public final String jvm;
        public final boolean published;

        Process(String name, String module, int port, String tier, String health, String database, String jvm,
                boolean published) {
            this.name = name;
            this.module = module;
            this.port = port;
            this.tier = tier;
            this.health = health;
            this.database = database;
            this.jvm = jvm;
            this.published = published;
        }

        /** The jar that runs it: its module's repackaged jar, as the build leaves it. */
        public Path jar(Path root) {
            return root.resolve(module).resolve("target").resolve(module + ".jar");
        }

        /** Registers in Eureka: everything from the services on (the registry, tracing and the database do not). */
        public boolean registers() {
            return TIERS.indexOf(tier) >= TIERS.indexOf("service");
        }

        public String appId() {
            return name.toUpperCase(Locale.ROOT);
        }

        public String account() {
            return database.substring(0, database.indexOf('/'));
        }

        public String databaseName() {
            return database.substring(database.indexOf('/') + 1);
        }
    }
}

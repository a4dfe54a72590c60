package dev.msakit.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JVM options of each set suite.conf names (its jvm column), for ./msa, the system tests and the container
 * images alike. Each set can be replaced as a whole through its environment variable (MSA_JAVA_OPTS and so on).
 */
public final class JvmOptions {

    public static final List<String> SETS = List.of("app", "support", "tracing", "database");

    /**
     * Explicit, small heaps: ten JVMs with default ergonomics would each reserve a quarter of the machine. Serial GC:
     * one or two cores per process at most, and the smallest footprint.
     */
    private static final List<String> APP_MEMORY = List.of("-Xms64m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:+UseSerialGC", "-Xss512k");
    /**
     * The optimizing compiler (C2) took half of each service's start-up CPU (17-22 CPU-s to ready; 8 with the quick
     * compiler alone) compiling code that runs only while starting. Here a method goes to C2 after three times the
     * usual invocations and loop turns: most start-up code never gets there, request paths soon do. Ten times, as
     * before, kept the order path (a few calls per order, not thousands per second like a read) on the quick
     * compiler's code for many minutes: measured on 2 cores after 190 s of orders, ten times the usual 65.0 orders/s
     * at 29.9 ms of CPU each (all processes), three times 89.7/s at 21.5 ms, the usual thresholds 94.6/s at 20.7 ms;
     * the suite's start-up CPU to all ready 91, 97 and 106 CPU-s.
     */
    private static final List<String> LATE_OPTIMIZING_JIT = List.of("-XX:Tier4InvocationThreshold=15000",
            "-XX:Tier4MinInvocationThreshold=1800", "-XX:Tier4CompileThreshold=45000",
            "-XX:Tier4BackEdgeThreshold=120000");
    /**
     * The services' and the gateway's heaps and compiled code on 2 MB pages where the kernel offers them on request
     * (transparent huge pages in "madvise" or "always" mode): fewer TLB misses for JVMs whose working set is spread
     * over a few hundred MB. Measured side by side on 2 cores (two instances, the same read, alternating rounds, each
     * way round): product-service 335-364 against 394-420 µs of CPU per read, the gateway 427-439 against 470-495 µs
     * per proxied read; PSS alike (within 30 MB either way). The price is at start: 4-5 CPU-s more for the four
     * processes together (zeroing whole 2 MB pages). Off the request paths (the other sets) only that price is left.
     */
    private static final String TRANSPARENT_HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final String NO_TRANSPARENT_HUGE_PAGES = "-XX:-UseTransparentHugePages";
    private static final Path TRANSPARENT_HUGE_PAGES_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    /** The quick compiler (C1) alone: for processes off the request path, and for short runs such as tests. */
    private static final String QUICK_JIT_ONLY = "-XX:TieredStopAtLevel=1";
    /**
     * Processes off the request path allocate little: a young generation of 16 MB instead of a third of the heap
     * (20-35 MB each once started) keeps less of each resident. Measured (PSS, ./msa status): idle 2,672 -> 2,586 MB
     * with 12 MB; after bench/run --quick 3,133 -> 3,042 MB with 16 MB (legacy-shop -22, release-control -33). Start-up
     * unchanged within noise (all ready 59 s without, 57 s with, the same machine).
     */
    private static final String SMALL_YOUNG_GENERATION = "-Xmn16m";
    /**
     * Zipkin keeps its spans in its heap: ZIPKIN_MAX_SPANS (40,000) of the suite's spans are about 100 MB live. A
     * small young generation (spans outlive it anyway) and room for them in the old one.
     */
    private static final List<String> TRACING_MEMORY = List.of("-Xmx176m", "-Xmn24m");
    /** The database's JVM only installs, starts and watches PostgreSQL (a child process): it needs very little. */
    private static final List<String> DATABASE_MEMORY = List.of("-Xms8m", "-Xmx32m", "-XX:MaxMetaspaceSize=48m",
            "-XX:ReservedCodeCacheSize=16m", "-XX:+UseSerialGC", "-Xss256k");
    /**
     * In a container the heap follows the container's memory limit instead (docker/Dockerfile and k8s/base's
     * config set this as JAVA_TOOL_OPTIONS; DeploymentPolicyTest holds them to it), and a JVM out of memory exits so
     * that the orchestrator restarts it. The optimizing compiler starts late there too: a container's start is the
     * same start-up code, and the whole suite starting at once on a small host is CPU-bound. Huge pages as under
     * ./msa: containers share the host's kernel, and measured side by side in the compose suite (two product-service
     * containers of the same image, direct reads, alternating rounds) the one with them used 302-322 against 369-383
     * µs of CPU per read, in the same memory (384 MB of its 512 MB limit each). Where the host's kernel has
     * transparent huge pages off, the JVM says so once at start and runs without; the option cannot be made
     * conditional in an image the way ./msa makes it.
     */
    public static final List<String> CONTAINER = concat(List.of("-XX:MaxRAMPercentage=50", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-Xss512k"), LATE_OPTIMIZING_JIT, List.of(TRANSPARENT_HUGE_PAGES));
    /**
     * What a container of a process off the request path (suite.conf's support set) runs with on top of
     * {@link #CONTAINER}, as under ./msa: the quick compiler only, a small young generation, and no huge pages (only
     * their price at start would be left). Set as JDK_JAVA_OPTIONS on those containers (docker-compose.yml, k8s/base;
     * DeploymentPolicyTest holds them to it), which the JVM reads after the image's JAVA_TOOL_OPTIONS: the image is
     * the same for every process, and the suite starting at once in containers is bound by CPU.
     */
    public static final List<String> CONTAINER_OFF_REQUEST_PATH = List.of(QUICK_JIT_ONLY, SMALL_YOUNG_GENERATION,
            NO_TRANSPARENT_HUGE_PAGES);

    private final Map<String, String> environment;
    private final boolean quickJitEverywhere;

    private JvmOptions(Map<String, String> environment, boolean quickJitEverywhere) {
        this.environment = environment;
        this.quickJitEverywhere = quickJitEverywhere;
    }

    /**
     * The sets as ./msa runs them, with the overrides found in this environment; with MSA_QUICK_JIT=1, every process
     * on the quick compiler only ({@link #withQuickJitEverywhere()}), as the system tests run them: a start for a
     * developer who wants the suite up soon and does not measure its throughput.
     */
    public static JvmOptions from(Map<String, String> environment) {
        return new JvmOptions(environment, "1".equals(environment.getOrDefault("MSA_QUICK_JIT", "0").trim()));
    }

    /**
     * The same sets with the quick compiler only in every process: for runs of minutes (the system tests, ./msa up
     * with MSA_QUICK_JIT=1), where start-up is most of the CPU and an optimizing compile only competes with it. Its
     * price is the request paths' speed once warm (bench/RESULTS.md, "Start-up and the optimizing compiler").
     */
    public JvmOptions withQuickJitEverywhere() {
        return new JvmOptions(environment, true);
    }

    /** The options of one set, as separate arguments. */
    public List<String> of(String set) {
        List<String> options;
        switch (set) {
            case "app":
                options = overridden("MSA_JAVA_OPTS", this::app);
                break;
            case "support":
                options = overridden("MSA_SUPPORT_JAVA_OPTS", this::support);
                break;
            case "tracing":
                options = overridden("MSA_TRACING_JAVA_OPTS", () -> concat(support(), TRACING_MEMORY));
                break;
            case "database":
                options = overridden("MSA_DATABASE_JAVA_OPTS",
                        () -> concat(DATABASE_MEMORY, List.of(QUICK_JIT_ONLY), nativeTrim()));
                break;
            default:
                throw new IllegalArgumentException("no JVM option set " + set + " (one of " + SETS + ")");
        }
        if (quickJitEverywhere && !options.contains(QUICK_JIT_ONLY)) {
            options = concat(options, List.of(QUICK_JIT_ONLY));
        }
        return options;
    }

    private List<String> app() {
        return concat(shared(), transparentHugePages());
    }

    private List<String> support() {
        return concat(overridden("MSA_JAVA_OPTS", this::shared), List.of(QUICK_JIT_ONLY, SMALL_YOUNG_GENERATION));
    }

    /** What the services and the processes off the request path have in common. */
    private List<String> shared() {
        return concat(APP_MEMORY, nativeTrim(), LATE_OPTIMIZING_JIT);
    }

    /**
     * Huge pages unless MSA_HUGE_PAGES is 0, and only where they exist: the option is Linux's alone (another
     * system's java refuses to start with it), and a kernel with transparent huge pages off would only print a
     * warning at every start.
     */
    private List<String> transparentHugePages() {
        if ("0".equals(environment.getOrDefault("MSA_HUGE_PAGES", "1").trim())
                || !thisJvmKnows("UseTransparentHugePages") || !kernelOffersTransparentHugePages()) {
            return List.of();
        }
        return List.of(TRANSPARENT_HUGE_PAGES);
    }

    /** The kernel's mode is the bracketed word: "always [madvise] never". */
    static boolean kernelOffersTransparentHugePages() {
        try {
            String modes = Files.readString(TRANSPARENT_HUGE_PAGES_MODE);
            return modes.contains("[always]") || modes.contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private List<String> overridden(String variable, java.util.function.Supplier<List<String>> defaults) {
        String given = environment.get(variable);
        return given == null || given.isBlank() ? defaults.get() : Arrays.asList(given.trim().split("\\s+"));
    }

    /**
     * glibc keeps what a JVM frees (the JIT compilers' arenas, start-up garbage) for later: after a minute of load,
     * 30-38 MB in each service. JDK 17.0.9 and later hand it back every MSA_NATIVE_TRIM_MS (default once a minute:
     * start-up's memory churns too fast to be worth returning; 0 turns it off; a JDK without it runs without it).
     */
    private List<String> nativeTrim() {
        long interval = Long.parseLong(environment.getOrDefault("MSA_NATIVE_TRIM_MS", "60000").trim());
        if (interval <= 0 || !thisJvmKnows("TrimNativeHeapInterval")) {
            return List.of();
        }
        return List.of("-XX:TrimNativeHeapInterval=" + interval);
    }

    /** The launcher runs on the java that starts the suite, so its own VM tells which options that java has. */
    private static boolean thisJvmKnows(String option) {
        try {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption(option);
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException unknown) {
            return false;
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}

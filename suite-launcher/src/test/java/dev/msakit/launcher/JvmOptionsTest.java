package dev.msakit.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JvmOptionsTest {

    private final JvmOptions defaults = JvmOptions.from(Map.of("MSA_NATIVE_TRIM_MS", "0",
            "MSA_HUGE_PAGES", "0"));

    @Test
    void servicesGetSmallHeapsAndTheOptimizingCompilerLate() {
        assertThat(defaults.of("app")).containsExactly("-Xms64m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m",
                "-XX:ReservedCodeCacheSize=64m", "-XX:+UseSerialGC", "-Xss512k", "-XX:Tier4InvocationThreshold=15000",
                "-XX:Tier4MinInvocationThreshold=1800", "-XX:Tier4CompileThreshold=45000",
                "-XX:Tier4BackEdgeThreshold=120000");
    }

    @Test
    void processesOffTheRequestPathGetTheQuickCompilerOnly() {
        assertThat(defaults.of("support")).startsWith(defaults.of("app").toArray(String[]::new))
                .endsWith("-XX:TieredStopAtLevel=1", "-Xmn16m");
        assertThat(defaults.of("tracing")).startsWith(defaults.of("support").toArray(String[]::new))
                .endsWith("-Xmx176m", "-Xmn24m");
        assertThat(defaults.of("database")).contains("-Xmx32m", "-XX:TieredStopAtLevel=1")
                .doesNotContain("-Xmx256m");
    }

    /**
     * Containers size the heap from their limit, and start with the optimizing compiler late as ./msa does; huge pages
     * for the request path only, as under ./msa: the processes off it turn them off again on top of the image's set.
     */
    @Test
    void containersGetTheHeapFromTheirLimitAndTheOptimizingCompilerLate() {
        assertThat(JvmOptions.CONTAINER).startsWith("-XX:MaxRAMPercentage=50").contains("-XX:+ExitOnOutOfMemoryError")
                .containsAll(defaults.of("app").stream().filter(option -> option.startsWith("-XX:Tier4")).collect(
                        java.util.stream.Collectors.toList()))
                .contains("-XX:+UseTransparentHugePages")
                .noneMatch(option -> option.startsWith("-Xmx") || option.startsWith("-XX:TrimNativeHeapInterval"));
        assertThat(JvmOptions.CONTAINER_OFF_REQUEST_PATH).contains("-XX:-UseTransparentHugePages")
                .containsAll(defaults.of("support").stream().filter(option -> option.startsWith("-XX:TieredStop")
                        || option.startsWith("-Xmn")).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void eachSetIsReplacedWholeByItsVariableAndTheSupportSetBuildsOnTheAppOverride() {
        JvmOptions overridden = JvmOptions.from(Map.of("MSA_JAVA_OPTS", " -Xmx1g  -XX:+UseG1GC ",
                "MSA_DATABASE_JAVA_OPTS", "-Xmx16m"));

        assertThat(overridden.of("app")).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(overridden.of("support")).containsExactly("-Xmx1g", "-XX:+UseG1GC", "-XX:TieredStopAtLevel=1",
                "-Xmn16m");
        assertThat(overridden.of("database")).containsExactly("-Xmx16m");
    }

    @Test
    void testsRunEveryProcessWithTheQuickCompilerOnceOnly() {
        JvmOptions quick = defaults.withQuickJitEverywhere();

        assertThat(quick.of("app")).endsWith("-XX:TieredStopAtLevel=1");
        assertThat(quick.of("support")).filteredOn("-XX:TieredStopAtLevel=1"::equals).hasSize(1);
        assertThat(quick.of("database")).filteredOn("-XX:TieredStopAtLevel=1"::equals).hasSize(1);
    }

    @Test
    void msaQuickJitPutsEveryProcessOnTheQuickCompilerAndNothingElseDoes() {
        JvmOptions quick = JvmOptions.from(Map.of("MSA_NATIVE_TRIM_MS", "0", "MSA_HUGE_PAGES", "0",
                "MSA_QUICK_JIT", " 1 "));

        for (String set : JvmOptions.SETS) {
            assertThat(quick.of(set)).as(set).isEqualTo(defaults.withQuickJitEverywhere().of(set));
        }
        assertThat(defaults.of("app")).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(JvmOptions.from(Map.of("MSA_QUICK_JIT", "0")).of("app")).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void theNativeHeapIsTrimmedWhereThisJavaCanAndNotWhenTurnedOff() {
        boolean known = javaStartsWith("-XX:TrimNativeHeapInterval=60000");

        assertThat(JvmOptions.from(Map.of()).of("app").contains("-XX:TrimNativeHeapInterval=60000"))
                .isEqualTo(known);
        assertThat(JvmOptions.from(Map.of("MSA_NATIVE_TRIM_MS", "5000")).of("database")
                .contains("-XX:TrimNativeHeapInterval=5000")).isEqualTo(known);
        assertThat(defaults.of("app")).noneMatch(option -> option.startsWith("-XX:TrimNativeHeapInterval"));
    }

    @Test
    void servicesGetHugePagesWhereTheKernelOffersThemAndNothingElseDoes() {
        boolean offered = JvmOptions.kernelOffersTransparentHugePages()
                && javaStartsWith("-XX:+UseTransparentHugePages");
        JvmOptions fromEnvironment = JvmOptions.from(Map.of("MSA_NATIVE_TRIM_MS", "0"));

        assertThat(fromEnvironment.of("app").contains("-XX:+UseTransparentHugePages")).isEqualTo(offered);
        for (String set : java.util.List.of("support", "tracing", "database")) {
            assertThat(fromEnvironment.of(set)).as(set).doesNotContain("-XX:+UseTransparentHugePages");
        }
        assertThat(defaults.of("app")).doesNotContain("-XX:+UseTransparentHugePages");
    }

    @Test
    void anUnknownSetIsRefused() {
        assertThatThrownBy(() -> defaults.of("fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fast");
    }

    /** Asked the way a shell would: does this java start with the option at all. */
    private static boolean javaStartsWith(String option) {
        try {
            Process java = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), option,
                    "-version").redirectErrorStream(true).start();
            java.getInputStream().readAllBytes();
            return java.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package dev.msakit.systemtest;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Starts the suite once for all system test classes (it takes a minute or two on two cores) and stops it when the
 * last of them is done. Also notes how long each class took and how busy the machine's cores were meanwhile
 * ({@link MachineCpu}), in target/system-test-cpu.tsv.
 */
public class SuiteExtension implements ParameterResolver, BeforeAllCallback, AfterAllCallback {

    private static final Path CPU_REPORT = Paths.get(System.getProperty("suite.cpuReport",
            "target/system-test-cpu.tsv"));

    static {
        try {
            Files.deleteIfExists(CPU_REPORT); // a line per class of this run only
        } catch (IOException e) {
            System.out.println("An earlier " + CPU_REPORT + " stays: " + e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class).suite;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        MachineCpu.now().ifPresent(sample -> store(context).put(ClassStart.class,
                new ClassStart(System.nanoTime(), sample)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassStart start = store(context).get(ClassStart.class, ClassStart.class);
        if (start == null) {
            return;
        }
        MachineCpu.now().ifPresent(end -> MachineCpu.record(CPU_REPORT, context.getRequiredTestClass().getSimpleName(),
                (System.nanoTime() - start.nanos) / 1_000_000_000L, end.busyPercentSince(start.cpu)));
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(SuiteExtension.class));
    }

    private static final class ClassStart {
        final long nanos;
        final MachineCpu.Sample cpu;

        ClassStart(long nanos, MachineCpu.Sample cpu) {
            this.nanos = nanos;
            this.cpu = cpu;
        }
    }

    /** Closed by JUnit when the root context ends, after every class. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final Suite suite;

        Running() {
            try {
                suite = new Suite();
            } catch (Exception e) {
                throw new IllegalStateException("The suite did not start", e);
            }
        }

        @Override
        public void close() throws Exception {
            suite.close();
        }
    }
}

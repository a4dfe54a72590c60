package dev.msakit.systemtest;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the suite once for all system test classes (it takes a minute or two on two cores) and stops it when the
 * last of them is done.
 */
public class SuiteExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class).suite;
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

package dev.msakit.launcher;

import java.io.PrintStream;
import java.time.Duration;

/** ./msa's way of showing a start: a ticking "waiting for" line, then one line per step done. */
final class TerminalProgress implements SuiteStart.Progress {

    private final PrintStream out;
    /** The API's URL, said once it is ready; null when not the whole suite starts (then no suite times either). */
    private final String api;

    TerminalProgress(PrintStream out, String api) {
        this.out = out;
        this.api = api;
    }

    @Override
    public void waiting(String what, Duration waited) {
        out.printf("\r  waiting for %-45s %3ds", what, waited.toSeconds());
        out.flush();
    }

    @Override
    public void done(String what, Duration waited, Duration sinceStart) {
        out.printf("\r  %-58s after %3ds%s%n", what, waited.toSeconds(),
                api == null ? "" : " (suite: " + sinceStart.toSeconds() + "s)");
    }

    @Override
    public void apiReady(Duration sinceStart) {
        if (api != null) {
            out.printf("  API ready after %ds: %s%n", sinceStart.toSeconds(), api);
        }
    }
}

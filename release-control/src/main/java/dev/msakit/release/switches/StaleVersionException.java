package dev.msakit.release.switches;

/** A conditional change (If-Match) made against a version that is no longer the switch's. */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(String name, long expected, long currentVersion) {
        super("Feature '" + name + "' changed since version " + expected + ": it is at version " + currentVersion
                + " now; read it again and decide on what it is now");
        this.currentVersion = currentVersion;
    }

    public long getCurrentVersion() {
        return currentVersion;
    }
}

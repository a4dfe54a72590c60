package dev.msakit.release.canary;

/** The service has no release, routing or finished (404). */
public class NoReleaseException extends RuntimeException {

    public NoReleaseException(String service) {
        super("No canary release of '" + service + "'");
    }
}

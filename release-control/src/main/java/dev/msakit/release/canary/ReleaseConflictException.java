package dev.msakit.release.canary;

/** A release that exists already, or is still running when asked to finish (409). */
public class ReleaseConflictException extends RuntimeException {

    public ReleaseConflictException(String message) {
        super(message);
    }
}

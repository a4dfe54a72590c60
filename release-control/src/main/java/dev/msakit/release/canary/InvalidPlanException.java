package dev.msakit.release.canary;

/** A release that cannot be started as asked (400). */
public class InvalidPlanException extends RuntimeException {

    public InvalidPlanException(String message) {
        super(message);
    }
}

package dev.msakit.release.switches;

/** A change that cannot be made as asked (e.g. PERCENT without a percent). */
public class InvalidChangeException extends RuntimeException {

    public InvalidChangeException(String message) {
        super(message);
    }
}

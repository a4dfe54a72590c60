package dev.msakit.release.switches;

/** No switch has this name. */
public class UnknownFeatureException extends RuntimeException {

    public UnknownFeatureException(String name) {
        super("No feature named '" + name + "'");
    }
}

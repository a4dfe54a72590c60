package dev.msakit.release.reconcile;

/** A switch change that would hand a feature to the other side while the flip gate objects (409). */
public class FlipRefusedException extends RuntimeException {

    private final String objection;

    public FlipRefusedException(String feature, String objection) {
        super("Not handing " + feature + " to the other side now: " + objection + ". Send the change again with"
                + " ?force=true to make it anyway (recorded with your name).");
        this.objection = objection;
    }

    public String getObjection() {
        return objection;
    }
}

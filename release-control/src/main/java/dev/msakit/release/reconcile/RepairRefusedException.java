package dev.msakit.release.reconcile;

/** A repair that cannot be done now (no single side holds the feature, the other side still publishing): 409. */
public class RepairRefusedException extends RuntimeException {

    public RepairRefusedException(String feature, String why) {
        super("Not repairing " + feature + " now: " + why);
    }
}

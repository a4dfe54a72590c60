package dev.msakit.release.routing;

/** Published inside the transaction of a change; listeners that act after its commit see the new revision. */
public final class RoutingTableChanged {

    private final long revision;

    public RoutingTableChanged(long revision) {
        this.revision = revision;
    }

    public long getRevision() {
        return revision;
    }
}

package dev.msakit.release.routing;

import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.release.canary.CanaryReleases;
import dev.msakit.release.switches.FeatureSwitch;
import dev.msakit.release.switches.FeatureSwitches;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.stream.Collectors;

/** The routing table every gateway follows: the switches and the releases, as of one revision. */
@Service
public class RoutingTables {

    private final RoutingRevision revision;
    private final FeatureSwitches switches;
    private final CanaryReleases releases;

    public RoutingTables(RoutingRevision revision, FeatureSwitches switches, CanaryReleases releases) {
        this.revision = revision;
        this.switches = switches;
        this.releases = releases;
    }

    /**
     * One snapshot: never a revision with a row of another. Always a transaction of its own: joined to a caller's
     * (or to one that just committed, in an after-commit callback) the isolation would silently not apply, and the
     * revision and the rows could come from two moments.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public RoutingTable current() {
        long now = revision.current();
        return new RoutingTable(now, switches.all().stream().map(FeatureSwitch::route).collect(Collectors.toList()),
                releases.routes());
    }

    public long revision() {
        return revision.current();
    }
}

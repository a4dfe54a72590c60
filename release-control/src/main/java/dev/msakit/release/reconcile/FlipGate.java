package dev.msakit.release.reconcile;

import dev.msakit.contracts.release.FeatureRoute.Mode;
import dev.msakit.release.switches.FeatureSwitch;
import org.springframework.web.client.RestClientException;

import java.util.Optional;

/**
 * Whether a switch change may hand a feature to the other side now. Handing over (which side takes the writes
 * changes: LEGACY and SHADOW are the shop's, NEW the new service's, PERCENT both) is objected to while either side's
 * publication of the feature's changes is more than {@code max-lag} behind, or can't be measured, or while the sides
 * drift apart: the last reconciliation found drift and a fresh one still does. Other changes (a ramp's percent) pass.
 */
public class FlipGate {

    private final Reconciler reconciler;
    private final ReconciliationStore store;
    private final ReconciliationProperties properties;

    public FlipGate(Reconciler reconciler, ReconciliationStore store, ReconciliationProperties properties) {
        this.reconciler = reconciler;
        this.store = store;
        this.properties = properties;
    }

    /** Why the change must not happen now, if it must not. */
    public Optional<String> objection(FeatureSwitch current, Mode target) {
        if (writer(current.getMode()).equals(writer(target))) {
            return Optional.empty();
        }
        String feature = current.getName();
        double lag;
        try {
            lag = reconciler.lagSeconds(feature);
        } catch (RestClientException | IllegalStateException unreachable) {
            return Optional.of("the sync lag of " + feature + " cannot be measured (" + unreachable.getMessage()
                    + ")");
        }
        if (lag > properties.getMaxLag().toMillis() / 1000.0) {
            return Optional.of(String.format("the sync lag of %s is %.1f s (more than %d s): changes are still on"
                    + " their way to the side that would take over", feature, lag,
                    properties.getMaxLag().toSeconds()));
        }
        Optional<Reconciliation> last = store.latestCompleted(feature);
        if (last.isPresent() && last.get().getDrift() > 0) {
            Reconciliation now = reconciler.run(feature, "flip gate");
            if (now.isFailed() || now.getDrift() > 0) {
                return Optional.of(now.isFailed() ? "reconciliation #" + last.get().getId() + " found "
                        + last.get().getDrift() + " row(s) of drift and a fresh one failed: " + now.getError()
                        : "reconciliation #" + now.getId() + " finds " + now.getDrift() + " row(s) of drift between"
                        + " the two sides (GET /api/admin/reconciliations/" + feature + ")");
            }
        }
        return Optional.empty();
    }

    /** Which side takes the feature's writes in a mode: new, legacy, or both. */
    static String writer(Mode mode) {
        switch (mode) {
            case NEW:
                return "new";
            case PERCENT:
                return "both";
            default:
                return "legacy";
        }
    }
}

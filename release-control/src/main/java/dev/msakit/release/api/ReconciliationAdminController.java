package dev.msakit.release.api;

import dev.msakit.contracts.Roles;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.release.reconcile.Reconciler;
import dev.msakit.release.reconcile.Reconciliation;
import dev.msakit.release.reconcile.ReconciliationStore;
import dev.msakit.release.switches.FeatureSwitches;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reconciliations of the migration's two sides, reached through the gateway at /api/admin/reconciliations (ADMIN);
 * {@code ./msa reconcile} drives it. A POST compares a feature's data set now and answers with what it found; a POST
 * to /repair also repairs what drifts from the side that holds the feature.
 */
@RestController
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
@RequestMapping("/admin/reconciliations")
public class ReconciliationAdminController {

    private final Reconciler reconciler;
    private final ReconciliationStore store;
    private final FeatureSwitches switches;

    public ReconciliationAdminController(Reconciler reconciler, ReconciliationStore store,
                                         FeatureSwitches switches) {
        this.reconciler = reconciler;
        this.store = store;
        this.switches = switches;
    }

    /** The latest reconciliation of every feature that had one. */
    @GetMapping
    public List<Reconciliation> latest() {
        return switches.all().stream().map(s -> store.latest(s.getName())).flatMap(Optional::stream)
                .collect(Collectors.toList());
    }

    @GetMapping("/{feature}")
    public Reconciliation latest(@PathVariable String feature) {
        switches.get(feature);
        return store.latest(feature).orElseThrow(() -> ApiException.notFound(feature + " has not been reconciled"
                + " yet; POST /api/admin/reconciliations/" + feature + " runs one"));
    }

    @PostMapping("/{feature}")
    public Reconciliation run(@PathVariable String feature, @AuthenticationPrincipal Jwt admin) {
        return reconciler.run(feature, FeatureAdminController.who(admin));
    }

    /**
     * Compares the feature now and has the side that holds it publish every drifted row to the other side (409 when
     * no single side holds it, or the other side still has changes to publish). The answer is the reconciliation
     * with its repair; the next one shows the sides alike once the rows are through (a second or so).
     */
    @PostMapping("/{feature}/repair")
    public Reconciliation repair(@PathVariable String feature, @AuthenticationPrincipal Jwt admin) {
        return reconciler.repair(feature, FeatureAdminController.who(admin));
    }
}

package dev.msakit.release.api;

import dev.msakit.contracts.Roles;
import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.release.reconcile.FlipGate;
import dev.msakit.release.reconcile.FlipRefusedException;
import dev.msakit.release.gateways.GatewayReports;
import dev.msakit.release.gateways.GatewayReports.GatewayStatus;
import dev.msakit.release.shadow.ShadowDiffStore;
import dev.msakit.release.shadow.ShadowRates;
import dev.msakit.release.shadow.ShadowDiffStore.RecordedDifference;
import dev.msakit.release.switches.FeatureSwitch;
import dev.msakit.release.switches.FeatureSwitches;
import dev.msakit.release.switches.SwitchChange;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The switches' admin API, reached through the gateway at /api/admin/features (ADMIN tokens only). Each answer
 * carries an ETag: the switch's version, or the table's revision for the list. A PUT with If-Match changes the
 * switch only if it is still at that version (else 412 with the current version); one without is allowed for
 * scripts and recorded as unconditional.
 */
@RestController
@Validated
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
@RequestMapping("/admin")
public class FeatureAdminController {

    private static final int LISTED = 50;

    private final FeatureSwitches switches;
    private final GatewayReports gateways;
    private final ShadowDiffStore diffs;
    private final FlipGate gate;

    public FeatureAdminController(FeatureSwitches switches, GatewayReports gateways, ShadowDiffStore diffs,
                                  FlipGate gate) {
        this.switches = switches;
        this.gateways = gateways;
        this.diffs = diffs;
        this.gate = gate;
    }

    @GetMapping("/features")
    public ResponseEntity<List<FeatureView>> list() {
        long revision = switches.revision();
        List<GatewayStatus> live = gateways.live();
        List<FeatureView> views = switches.all().stream().map(s -> view(s, live)).collect(Collectors.toList());
        return ResponseEntity.ok().eTag(EntityTags.of(revision)).body(views);
    }

    @GetMapping("/features/{name}")
    public ResponseEntity<FeatureView> get(@PathVariable String name) {
        return tagged(switches.get(name));
    }

    /**
     * A change that hands the feature to the other side passes the flip gate first (409 while the sync lags or the
     * sides drift apart); {@code force=true} makes it anyway, with the gate's objection kept in the history.
     */
    @PutMapping("/features/{name}")
    public ResponseEntity<FeatureView> change(@PathVariable String name, @Valid @RequestBody FeatureChange change,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                      String ifMatch,
                                              @RequestParam(defaultValue = "false") boolean force,
                                              @AuthenticationPrincipal Jwt admin) {
        Optional<String> objection = gate.objection(switches.get(name), change.getMode());
        if (objection.isPresent() && !force) {
            throw new FlipRefusedException(name, objection.get());
        }
        FeatureSwitch changed = switches.change(name, new SwitchChange(change.getMode(), change.getPercent(),
                who(admin), EntityTags.revisionOf(ifMatch), objection.orElse(null)));
        // A switch's version is the revision that changed it last.
        return ResponseEntity.ok().eTag(EntityTags.of(changed.getVersion()))
                .header(RoutingTable.REVISION_HEADER, Long.toString(changed.getVersion()))
                .body(view(changed, gateways.live()));
    }

    /** Newest first. */
    @GetMapping("/features/{name}/history")
    public List<HistoryView> history(@PathVariable String name,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return switches.history(name, limit).stream().map(HistoryView::new).collect(Collectors.toList());
    }

    @GetMapping("/features/{name}/diffs")
    public List<RecordedDifference> diffs(@PathVariable String name) {
        switches.get(name);
        return diffs.newest(name, LISTED);
    }

    /**
     * The feature's shadow comparisons over every live gateway: per endpoint and field, how often the new side
     * differed from legacy and how often legacy differed from itself (noise), as counts and rates.
     */
    @GetMapping("/features/{name}/shadow")
    public List<ShadowRates.Endpoint> shadow(@PathVariable String name) {
        switches.get(name);
        return ShadowRates.of(gateways.shadowOf(name));
    }

    /** The gateways heard from lately and the table revision each routes by. */
    @GetMapping("/gateways")
    public ResponseEntity<List<GatewayView>> gateways() {
        long revision = switches.revision();
        return ResponseEntity.ok().eTag(EntityTags.of(revision)).body(gateways.live().stream()
                .map(g -> new GatewayView(g, revision)).collect(Collectors.toList()));
    }

    private ResponseEntity<FeatureView> tagged(FeatureSwitch feature) {
        return ResponseEntity.ok().eTag(EntityTags.of(feature.getVersion())).body(view(feature, gateways.live()));
    }

    private FeatureView view(FeatureSwitch feature, List<GatewayStatus> live) {
        return FeatureView.of(feature, gateways, live);
    }

    /** How the admin is named in histories and logs: the e-mail, else the subject. */
    public static String who(Jwt admin) {
        String email = admin.getClaimAsString("email");
        return email != null ? email : "member " + admin.getSubject();
    }
}

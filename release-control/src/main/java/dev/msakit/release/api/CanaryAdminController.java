package dev.msakit.release.api;

import dev.msakit.contracts.Roles;
import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.platform.api.GatewayPaths;
import dev.msakit.release.canary.CanaryPlan;
import dev.msakit.release.canary.CanaryPlot;
import dev.msakit.release.canary.CanaryReleases;
import dev.msakit.release.routing.RoutingRevision;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.servlet.http.HttpServletRequest;
import javax.validation.Valid;
import javax.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The releases' admin API, reached through the gateway at /api/admin/canaries (ADMIN tokens only); ./msa canary
 * drives it. A release is started before its two instances register (so no ordinary request reaches them first),
 * judged here interval by interval on every gateway's measurements, and finished by its driver once the instances
 * that lost are replaced or stopped.
 */
@RestController
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
@RequestMapping("/admin/canaries")
public class CanaryAdminController {

    private final CanaryReleases releases;
    private final RoutingRevision revision;

    public CanaryAdminController(CanaryReleases releases, RoutingRevision revision) {
        this.releases = releases;
        this.revision = revision;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> start(@Valid @RequestBody CanaryPlan plan,
                                                     @AuthenticationPrincipal Jwt admin, HttpServletRequest http) {
        Map<String, Object> release = releases.start(plan, FeatureAdminController.who(admin));
        return ResponseEntity.created(GatewayPaths.location(http, "/admin/canaries/" + plan.getService()))
                .header(RoutingTable.REVISION_HEADER, committedRevision()).body(release);
    }

    @GetMapping
    public List<Map<String, Object>> list() {
        return releases.recent();
    }

    @GetMapping("/{service}")
    public Map<String, Object> get(@PathVariable String service) {
        return releases.latest(service);
    }

    @GetMapping(value = "/{service}/plot.svg", produces = "image/svg+xml")
    public String plot(@PathVariable String service) {
        return CanaryPlot.svg(releases.latest(service));
    }

    /** The intervals as terminal lines (./msa canary prints them as they come). */
    @GetMapping(value = "/{service}/rows", produces = MediaType.TEXT_PLAIN_VALUE)
    public String rows(@PathVariable String service) {
        return releases.rows(service);
    }

    /** Rolls a running release back at once: the canary gets no more requests. */
    @PostMapping(value = "/{service}/abort", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<Map<String, Object>> abort(@PathVariable String service,
                                                     @Valid @RequestBody(required = false) Abort abort,
                                                     @AuthenticationPrincipal Jwt admin) {
        String why = abort != null && abort.getReason() != null && !abort.getReason().isBlank() ? abort.getReason()
                : "aborted by " + FeatureAdminController.who(admin);
        Map<String, Object> aborted = releases.abort(service, why);
        return ResponseEntity.ok().header(RoutingTable.REVISION_HEADER, committedRevision()).body(aborted);
    }

    /** Ends a release with a verdict: its instances become ordinary ones (or are gone). 409 while it runs. */
    @DeleteMapping("/{service}")
    public ResponseEntity<Map<String, Object>> finish(@PathVariable String service) {
        Map<String, Object> finished = releases.finish(service);
        return ResponseEntity.ok().header(RoutingTable.REVISION_HEADER, committedRevision()).body(finished);
    }

    /**
     * Read after the change committed, so at least the change's own revision (a later one only when another change
     * committed meanwhile): the gateway that waits for it routes by the change.
     */
    private String committedRevision() {
        return Long.toString(revision.current());
    }

    /** The body of an abort: why, for the report. */
    public static class Abort {
        @Size(max = 500)
        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }
}

package dev.msakit.release.internal;

import dev.msakit.contracts.Roles;
import dev.msakit.contracts.release.GatewayReport;
import dev.msakit.contracts.release.ReleaseMeasurements;
import dev.msakit.release.canary.CanaryReleases;
import dev.msakit.contracts.release.ShadowDifference;
import dev.msakit.release.gateways.GatewayReports;
import dev.msakit.release.shadow.ShadowDiffStore;
import dev.msakit.release.switches.FeatureSwitches;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;

/**
 * What the gateways report (SERVICE tokens, under /internal): their state every few seconds, what they measured of
 * each release, shadow differences.
 */
@RestController
@Validated
@PreAuthorize("hasRole('" + Roles.SERVICE + "')")
@RequestMapping("/internal")
public class GatewayReportController {

    private final GatewayReports reports;
    private final ShadowDiffStore diffs;
    private final FeatureSwitches switches;
    private final CanaryReleases releases;

    public GatewayReportController(GatewayReports reports, ShadowDiffStore diffs, FeatureSwitches switches,
                                   CanaryReleases releases) {
        this.reports = reports;
        this.diffs = diffs;
        this.switches = switches;
        this.releases = releases;
    }

    @PutMapping("/gateways/{instanceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void report(@PathVariable @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:-]+") String instanceId,
                       @RequestBody GatewayReport report) {
        reports.record(instanceId, report);
    }

    /** A gateway's measurements of a release's roles since its previous report. */
    @PostMapping("/releases/{id}/measurements")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void measurements(@PathVariable long id, @Valid @RequestBody ReleaseMeasurements report) {
        releases.record(id, report);
    }

    @PostMapping("/features/{name}/diffs")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void difference(@PathVariable String name, @Valid @RequestBody ShadowDifference difference) {
        switches.get(name);
        diffs.record(name, difference);
    }
}

package dev.msakit.release.console;

import dev.msakit.contracts.migration.SyncLag;
import dev.msakit.release.api.FeatureView;
import dev.msakit.release.api.HistoryView;
import dev.msakit.release.gateways.GatewayReports;
import dev.msakit.release.gateways.GatewayReports.GatewayStatus;
import dev.msakit.release.reconcile.FlipGate;
import dev.msakit.release.reconcile.SyncSides;
import dev.msakit.release.shadow.ShadowDiffStore;
import dev.msakit.release.shadow.ShadowRates;
import dev.msakit.release.switches.FeatureSwitch;
import dev.msakit.release.switches.FeatureSwitches;
import dev.msakit.release.switches.InvalidChangeException;
import dev.msakit.release.switches.StaleVersionException;
import dev.msakit.release.switches.SwitchChange;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.servlet.http.HttpServletResponse;
import javax.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The console's features: every switch with its counters and sync lag, a change reviewed before it is made (what
 * changes, and the flip gate's objection if any) and made only against the version the operator saw, and per
 * feature its history, shadow rates and newest differences with both answers.
 */
@Controller
@RequestMapping("/console")
public class FeaturesPage {

    private static final int HISTORY = 20;
    private static final int DIFFERENCES = 10;

    private final FeatureSwitches switches;
    private final GatewayReports gateways;
    private final ShadowDiffStore diffs;
    private final FlipGate gate;
    private final SyncSides sides;
    private final ConsoleProperties properties;

    public FeaturesPage(FeatureSwitches switches, GatewayReports gateways, ShadowDiffStore diffs, FlipGate gate,
                        SyncSides sides, ConsoleProperties properties) {
        this.switches = switches;
        this.gateways = gateways;
        this.diffs = diffs;
        this.gate = gate;
        this.sides = sides;
        this.properties = properties;
    }

    @GetMapping
    public String features(Model model, Authentication operator) {
        List<GatewayStatus> live = gateways.live();
        model.addAttribute("features", switches.all().stream().map(s -> row(s, live)).collect(Collectors.toList()));
        model.addAttribute("gateways", live);
        model.addAttribute("revision", switches.revision());
        return page(model, operator, "features");
    }

    @GetMapping("/features/{name}")
    public String feature(@PathVariable String name, Model model, Authentication operator) {
        FeatureSwitch feature = switches.get(name);
        model.addAttribute("feature", row(feature, gateways.live()));
        model.addAttribute("history", switches.history(name, HISTORY).stream().map(HistoryView::new)
                .collect(Collectors.toList()));
        model.addAttribute("endpoints", ShadowRates.of(gateways.shadowOf(name)));
        model.addAttribute("differences", diffs.newest(name, DIFFERENCES));
        model.addAttribute("zipkin", properties.getZipkinUrl());
        return page(model, operator, "feature");
    }

    /** What the change would do, and whether the flip gate objects, before anything changes. */
    @PostMapping("/features/{name}/review")
    public String review(@PathVariable String name, @Valid FeatureChangeForm change, BindingResult invalid,
                         Model model, Authentication operator, HttpServletResponse response) {
        FeatureSwitch current = switches.get(name);
        if (invalid.hasErrors()) {
            return refused(name, "Not changed: " + describe(invalid), response, model, operator);
        }
        return reviewPage(current, change, current.getVersion() != change.getVersion(),
                gate.objection(current, change.getMode()).orElse(null), model, operator);
    }

    @PostMapping("/features/{name}")
    public String change(@PathVariable String name, @Valid FeatureChangeForm change, BindingResult invalid,
                         Model model, Authentication operator, RedirectAttributes next,
                         HttpServletResponse response) {
        FeatureSwitch current = switches.get(name);
        if (invalid.hasErrors()) {
            return refused(name, "Not changed: " + describe(invalid), response, model, operator);
        }
        Optional<String> objection = gate.objection(current, change.getMode());
        if (objection.isPresent() && !change.isForce()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return reviewPage(current, change, false, objection.get(), model, operator);
        }
        try {
            FeatureSwitch changed = switches.change(name, new SwitchChange(change.getMode(), change.getPercent(),
                    operator.getName(), OptionalLong.of(change.getVersion()), objection.orElse(null)));
            next.addFlashAttribute("notice", name + " is " + changed.getMode()
                    + (changed.getMode().name().equals("PERCENT") ? " " + changed.getPercent() + " %" : "")
                    + " now (version " + changed.getVersion() + ")");
            return "redirect:/console";
        } catch (StaleVersionException changedMeanwhile) {
            FeatureSwitch now = switches.get(name);
            return refused(name, "Not changed: " + name + " was changed meanwhile by " + now.getChangedBy()
                    + " (it is " + now.getMode() + " at version " + now.getVersion() + " now, you saw version "
                    + change.getVersion() + "). Look at it as it is now and decide again.", response, model,
                    operator);
        } catch (InvalidChangeException invalidChange) {
            return refused(name, "Not changed: " + invalidChange.getMessage(), response, model, operator);
        }
    }

    /** The review page: the switch now and after, whether the page was stale, the flip gate's objection. */
    private String reviewPage(FeatureSwitch current, FeatureChangeForm change, boolean stale, String objection,
                              Model model, Authentication operator) {
        model.addAttribute("current", view(current, gateways.live()));
        model.addAttribute("change", change);
        model.addAttribute("stale", stale);
        model.addAttribute("objection", objection);
        return page(model, operator, "review");
    }

        /** The features page again, answered 409 with why nothing changed. */
    private String refused(String name, String why, HttpServletResponse response, Model model,
                           Authentication operator) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("problem", why);
        model.addAttribute("refusedFeature", name);
        return features(model, operator);
    }

    private String page(Model model, Authentication operator, String view) {
        model.addAttribute("operator", operator.getName());
        model.addAttribute("refreshSeconds", properties.getRefreshSeconds());
        return "console/" + view;
    }

    private FeatureView view(FeatureSwitch feature, List<GatewayStatus> live) {
        return FeatureView.of(feature, gateways, live);
    }

    /** The switch with its counters, and each side's sync health (asked now: one cheap query per side). */
    private FeatureRow row(FeatureSwitch feature, List<GatewayStatus> live) {
        try {
            SyncLag legacy = sides.lag(feature.getLegacyService(), feature.getName());
            SyncLag fresh = sides.lag(feature.getNewService(), feature.getName());
            return new FeatureRow(view(feature, live), String.format("%.1f s", Math.max(
                    legacy.getOutboxLagSeconds(), fresh.getOutboxLagSeconds())),
                    feature.getLegacyService() + " " + parked(legacy) + ", " + feature.getNewService() + " "
                            + parked(fresh));
        } catch (RestClientException | IllegalStateException unreachable) {
            String why = String.valueOf(unreachable.getMessage());
            return new FeatureRow(view(feature, live), "unknown (" + (why.length() > 60 ? why.substring(0, 59)
                    + "…" : why) + ")", "unknown");
        }
    }

    private static String parked(SyncLag side) {
        return side.getParkedDeadLetters() < 0 ? "?" : Long.toString(side.getParkedDeadLetters());
    }

    private static String describe(BindingResult invalid) {
        return invalid.getFieldErrors().stream().map(e -> e.getField() + " " + e.getDefaultMessage())
                .collect(Collectors.joining("; "));
    }
}

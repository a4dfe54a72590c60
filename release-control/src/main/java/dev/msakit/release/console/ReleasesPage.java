package dev.msakit.release.console;

import dev.msakit.release.canary.CanaryPlot;
import dev.msakit.release.canary.CanaryReleases;
import dev.msakit.release.canary.NoReleaseException;
import dev.msakit.release.canary.ReleaseConflictException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console's canary releases: the routing ones live (the rows ./msa canary prints, the plot per role, the
 * verdict per metric, abort) and the latest finished ones with their reports.
 */
@Controller
@RequestMapping("/console/releases")
public class ReleasesPage {

    private final CanaryReleases releases;
    private final ConsoleProperties properties;

    public ReleasesPage(CanaryReleases releases, ConsoleProperties properties) {
        this.releases = releases;
        this.properties = properties;
    }

    @GetMapping
    public String releases(Model model, Authentication operator) {
        List<Map<String, Object>> recent = releases.recent();
        model.addAttribute("releases", recent.stream().map(r -> new ReleaseCard(r,
                releases.rows(String.valueOf(r.get("service"))))).collect(Collectors.toList()));
        model.addAttribute("operator", operator.getName());
        model.addAttribute("refreshSeconds", properties.getRefreshSeconds());
        return "console/releases";
    }

    @GetMapping(value = "/{service}/plot.svg", produces = "image/svg+xml")
    @ResponseBody
    public ResponseEntity<String> plot(@PathVariable String service) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(CanaryPlot.svg(releases.latest(service)));
    }

    @PostMapping("/{service}/abort")
    public String abort(@PathVariable String service, Authentication operator, RedirectAttributes next) {
        try {
            releases.abort(service, "aborted by " + operator.getName() + " in the console");
            next.addFlashAttribute("notice", "The release of " + service + " is rolled back: the canary gets no"
                    + " more requests");
        } catch (ReleaseConflictException | NoReleaseException notRunning) {
            next.addFlashAttribute("problem", "Not aborted: " + notRunning.getMessage());
        }
        return "redirect:/console/releases";
    }

    /** A release as the page shows it: its view and its interval rows as text. */
    public static final class ReleaseCard {
        private final Map<String, Object> release;
        private final String rows;

        ReleaseCard(Map<String, Object> release, String rows) {
            this.release = release;
            this.rows = rows;
        }

        public Map<String, Object> getRelease() {
            return release;
        }

        public String getRows() {
            return rows;
        }

        /** The newest interval that was judged (its metrics, each with its classification and reason), or null. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> getLastJudged() {
            List<Map<String, Object>> intervals = (List<Map<String, Object>>) release.getOrDefault("intervals",
                    List.of());
            for (int i = intervals.size() - 1; i >= 0; i--) {
                if (intervals.get(i).get("metrics") != null) {
                    return intervals.get(i);
                }
            }
            return null;
        }

        public boolean isLive() {
            String status = String.valueOf(release.get("status"));
            return "WAITING".equals(status) || "RUNNING".equals(status);
        }
    }
}

package dev.msakit.gateway.canary;

import dev.msakit.gateway.admin.AdminTokens;
import dev.msakit.gateway.admin.BodyValidation;
import dev.msakit.platform.problem.ApiException;
import org.springframework.cloud.netflix.zuul.filters.RouteLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import javax.servlet.http.HttpServletResponse;
import javax.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The releases' API, served by the gateway itself (ADMIN tokens only); ./msa canary drives it. A release is started
 * before its two instances register (so no ordinary request reaches them first), is judged here interval by
 * interval, and is finished by its driver once the instances that lost are stopped.
 */
@RestController
@RequestMapping("${zuul.prefix:/api}/admin/canaries")
public class CanaryAdminController {

    private static final String ACTION = "Releasing a canary";

    private final AdminTokens adminTokens;
    private final BodyValidation validation;
    private final CanaryReleases releases;
    private final RouteLocator routes;

    public CanaryAdminController(AdminTokens adminTokens, BodyValidation validation, CanaryReleases releases,
                                 RouteLocator routes) {
        this.adminTokens = adminTokens;
        this.validation = validation;
        this.releases = releases;
        this.routes = routes;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> start(@RequestBody CanaryPlan plan,
                                                     @RequestHeader(value = HttpHeaders.AUTHORIZATION,
                                                             required = false) String authorization,
                                                     HttpServletResponse response) {
        Jwt admin = adminTokens.require(authorization, response, ACTION);
        validation.valid(plan);
        if (routes.getRoutes().stream().noneMatch(route -> plan.getService().equals(route.getLocation()))) {
            throw ApiException.badRequest("service: " + plan.getService() + " is not served through this gateway");
        }
        if (plan.getBaselineInstance().equals(plan.getCanaryInstance())) {
            throw ApiException.badRequest("baselineInstance and canaryInstance must be two different instances");
        }
        List<Integer> steps = plan.getSteps();
        for (int i = 1; steps != null && i < steps.size(); i++) {
            if (steps.get(i) <= steps.get(i - 1)) {
                throw ApiException.badRequest("steps must rise, e.g. [5, 25, 50]; got " + steps);
            }
        }
        CanaryRelease release = releases.start(plan, AdminTokens.who(admin)).orElseThrow(() ->
                ApiException.conflict(plan.getService() + " already has a release; finish or abort it first"));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{service}")
                .buildAndExpand(plan.getService()).toUri();
        return ResponseEntity.created(location).body(release.view());
    }

    @GetMapping
    public List<Map<String, Object>> list(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                                  String authorization, HttpServletResponse response) {
        adminTokens.require(authorization, response, ACTION);
        return releases.all().stream().map(CanaryRelease::view).collect(Collectors.toList());
    }

    @GetMapping("/{service}")
    public Map<String, Object> get(@PathVariable String service,
                                   @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                           String authorization, HttpServletResponse response) {
        adminTokens.require(authorization, response, ACTION);
        return latest(service).view();
    }

    @GetMapping(value = "/{service}/plot.svg", produces = "image/svg+xml")
    public String plot(@PathVariable String service,
                       @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                       HttpServletResponse response) {
        adminTokens.require(authorization, response, ACTION);
        return CanaryPlot.svg(latest(service).view());
    }

    /** The intervals as terminal lines (./msa canary prints them as they come). */
    @GetMapping(value = "/{service}/rows", produces = MediaType.TEXT_PLAIN_VALUE)
    public String rows(@PathVariable String service,
                       @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                       HttpServletResponse response) {
        adminTokens.require(authorization, response, ACTION);
        return CanaryRows.text(latest(service).view());
    }

    /** Rolls a running release back at once: the canary gets no more requests. */
    @PostMapping(value = "/{service}/abort", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    public Map<String, Object> abort(@PathVariable String service, @RequestBody(required = false) Abort abort,
                                     @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                             String authorization, HttpServletResponse response) {
        Jwt admin = adminTokens.require(authorization, response, ACTION);
        if (abort != null) {
            validation.valid(abort);
        }
        String why = abort != null && abort.getReason() != null && !abort.getReason().isBlank() ? abort.getReason()
                : "aborted by " + AdminTokens.who(admin);
        return releases.abort(service, why).orElseThrow(() -> noRelease(service)).view();
    }

    /** Ends a release with a verdict: its instances become ordinary ones (or are gone). 409 while it runs. */
    @DeleteMapping("/{service}")
    public Map<String, Object> finish(@PathVariable String service,
                                      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                              String authorization, HttpServletResponse response) {
        adminTokens.require(authorization, response, ACTION);
        CanaryRelease release = releases.finish(service).orElseThrow(() -> noRelease(service));
        if (!release.getStatus().isFinal()) {
            throw ApiException.conflict("the release of " + service + " is still " + release.getStatus()
                    + "; abort it first");
        }
        return release.view();
    }

    private CanaryRelease latest(String service) {
        return releases.latest(service).orElseThrow(() -> noRelease(service));
    }

    private static ApiException noRelease(String service) {
        return ApiException.notFound("No canary release of '" + service + "'");
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

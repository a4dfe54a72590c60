package dev.msakit.gateway.migration;

import dev.msakit.gateway.admin.AdminTokens;
import dev.msakit.gateway.admin.BodyValidation;
import dev.msakit.platform.problem.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The switches' API, served by the gateway itself (not routed): ADMIN tokens only. A change is written to the
 * gateway database; this instance applies it at once, every other instance at its next poll.
 */
@RestController
@RequestMapping("${zuul.prefix:/api}/admin/features")
public class FeatureAdminController {

    private static final int LISTED = 50;

    private final AdminTokens adminTokens;
    private final BodyValidation validation;
    private final SwitchStore store;
    private final SwitchTable table;
    private final MigrationCounters counters;

    public FeatureAdminController(AdminTokens adminTokens, BodyValidation validation, SwitchStore store,
                                  SwitchTable table,
                                  MigrationCounters counters) {
        this.adminTokens = adminTokens;
        this.validation = validation;
        this.store = store;
        this.table = table;
        this.counters = counters;
    }

    @GetMapping
    public List<Map<String, Object>> list(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                                  String authorization, HttpServletResponse response) {
        admin(authorization, response);
        return store.all().values().stream().map(this::view).collect(Collectors.toList());
    }

    @GetMapping("/{name}")
    public Map<String, Object> get(@PathVariable String name,
                                   @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                           String authorization, HttpServletResponse response) {
        admin(authorization, response);
        return view(existing(name));
    }

    @PutMapping("/{name}")
    public Map<String, Object> change(@PathVariable String name, @RequestBody FeatureChange change,
                                      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                              String authorization, HttpServletResponse response) {
        Jwt admin = admin(authorization, response);
        validation.valid(change);
        FeatureSwitch current = existing(name);
        int percent;
        if (change.getMode() == Mode.PERCENT) {
            if (change.getPercent() == null) {
                throw ApiException.badRequest("percent (0 to 100) is required for mode PERCENT");
            }
            percent = change.getPercent();
        } else {
            percent = change.getPercent() == null ? current.getPercent() : change.getPercent();
        }
        String who = AdminTokens.who(admin);
        FeatureSwitch changed = store.change(name, change.getMode(), percent, who)
                .orElseThrow(() -> unknown(name));
        table.refresh();
        return view(changed);
    }

    @GetMapping("/{name}/history")
    public List<Map<String, Object>> history(@PathVariable String name,
                                             @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                                     String authorization, HttpServletResponse response) {
        admin(authorization, response);
        existing(name);
        return store.history(name, LISTED);
    }

    @GetMapping("/{name}/diffs")
    public List<Map<String, Object>> diffs(@PathVariable String name,
                                           @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                                   String authorization, HttpServletResponse response) {
        admin(authorization, response);
        existing(name);
        return store.diffs(name, LISTED);
    }

    private FeatureSwitch existing(String name) {
        return store.find(name).orElseThrow(() -> unknown(name));
    }

    private static ApiException unknown(String name) {
        return ApiException.notFound("No feature named '" + name + "'");
    }

    private Map<String, Object> view(FeatureSwitch s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", s.getName());
        view.put("mode", s.getMode());
        view.put("percent", s.getPercent());
        view.put("pathPatterns", s.getPathPatterns());
        view.put("methods", s.getMethods());
        view.put("legacyService", s.getLegacyService());
        view.put("newService", s.getNewService());
        view.put("ignoredFields", s.getIgnoredFields());
        view.put("version", s.getVersion());
        view.put("changedBy", s.getChangedBy());
        view.put("changedAt", s.getChangedAt());
        view.put("appliedVersionHere", table.version());
        view.put("countersHere", counters.of(s.getName()));
        return view;
    }

    private Jwt admin(String authorization, HttpServletResponse response) {
        return adminTokens.require(authorization, response, "Changing how features are served");
    }
}

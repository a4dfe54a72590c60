package dev.msakit.gateway.canary;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /actuator/canary}: the releases this gateway routes now, as its routing table says (the releases themselves,
 * their intervals and verdicts, are release-control's: /api/admin/canaries).
 */
@Endpoint(id = "canary")
public class CanaryEndpoint {

    private final ReleaseRouting releases;

    public CanaryEndpoint(ReleaseRouting releases) {
        this.releases = releases;
    }

    @ReadOperation
    public Map<String, Object> releases() {
        List<Map<String, Object>> routed = releases.all().stream().map(release -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", release.getId());
            view.put("service", release.getService());
            view.put("status", release.getStatus());
            view.put("share", release.getShare());
            view.put("baselineInstance", release.instanceOf(Role.BASELINE));
            view.put("canaryInstance", release.instanceOf(Role.CANARY));
            return view;
        }).collect(Collectors.toList());
        return Map.of("routing", routed);
    }
}

package dev.msakit.gateway.canary;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /actuator/canary}: the releases this gateway routes and the last finished ones, live. */
@Endpoint(id = "canary")
public class CanaryEndpoint {

    private final CanaryReleases releases;

    public CanaryEndpoint(CanaryReleases releases) {
        this.releases = releases;
    }

    @ReadOperation
    public Map<String, Object> releases() {
        List<Map<String, Object>> all = releases.all().stream().map(CanaryRelease::view)
                .collect(Collectors.toList());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("releases", all);
        return view;
    }
}

package dev.msakit.gateway.canary;

import dev.msakit.contracts.release.ReleaseRoute;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The releases this gateway routes, as the last routing table from release-control lists them: at most one per
 * service. A release that stays in the table keeps its object (and what was measured of it since the last report).
 */
public class ReleaseRouting {

    private final Map<String, RoutedRelease> byService = new ConcurrentHashMap<>();

    /** The release deciding where this service's requests go, if any. */
    public Optional<RoutedRelease> routing(String service) {
        return Optional.ofNullable(byService.get(service));
    }

    public Collection<RoutedRelease> all() {
        return byService.values();
    }

    /** The releases of a newer table. */
    public synchronized void apply(List<ReleaseRoute> routes) {
        for (ReleaseRoute route : routes) {
            RoutedRelease known = byService.get(route.getService());
            // The same release keeps what it measured; one by labels gets its instances once release-control found
            // them (while it waits, so nothing measured is lost by starting afresh).
            if (known != null && known.getId() == route.getId() && known.routesTo(route)) {
                known.update(route);
            } else {
                byService.put(route.getService(), new RoutedRelease(route));
            }
        }
        byService.values().removeIf(release -> routes.stream().noneMatch(r -> r.getId() == release.getId()));
    }
}

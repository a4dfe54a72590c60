package dev.msakit.gateway.migration;

import dev.msakit.contracts.release.ShadowStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * This gateway's shadow comparisons since it started, per feature, endpoint (method and path template) and field
 * (array indexes as [*]): compared, differing (new vs legacy), noise (legacy vs legacy). Reported to release-control
 * with the gateway's counters; a field is noise when its rates say so ({@link ShadowStats.FieldCounts#judgedNoise()}).
 * Bounded: at most {@value #MAX_ENDPOINTS} endpoints per feature and {@value #MAX_FIELDS} fields per endpoint (more
 * are not counted), whatever paths clients send.
 */
public class ShadowStatsTable {

    static final int MAX_ENDPOINTS = 200;
    static final int MAX_FIELDS = 500;
    private static final Pattern ID_SEGMENT = Pattern.compile("\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<String, Map<String, Endpoint>> features = new ConcurrentHashMap<>();

    /** GET /products/{id} for GET /products/42?x=1: ids (numbers, UUIDs) become {id}, the query goes. */
    public static String endpoint(String method, String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        StringBuilder template = new StringBuilder(method).append(' ');
        for (String segment : path.split("/", -1)) {
            if (!segment.isEmpty()) {
                template.append('/').append(ID_SEGMENT.matcher(segment).matches() ? "{id}" : segment);
            }
        }
        return template.toString();
    }

    public void record(String feature, String endpoint, Set<String> differing, Set<String> noise) {
        Map<String, Endpoint> endpoints = features.computeIfAbsent(feature, f -> new ConcurrentHashMap<>());
        Endpoint counts = endpoints.get(endpoint);
        if (counts == null) {
            if (endpoints.size() >= MAX_ENDPOINTS) {
                return;
            }
            counts = endpoints.computeIfAbsent(endpoint, e -> new Endpoint());
        }
        counts.compared.incrementAndGet();
        // Once per read and field, however many elements of an array differed in it.
        for (String field : patterns(differing)) {
            counts.field(field).ifPresent(c -> c[0].incrementAndGet());
        }
        for (String field : patterns(noise)) {
            counts.field(field).ifPresent(c -> c[1].incrementAndGet());
        }
    }

    private static Set<String> patterns(Set<String> fields) {
        return fields.stream().map(ShadowComparison::pattern).collect(Collectors.toSet());
    }

    /** Whether this field of this endpoint is noise, by the rates seen so far. */
    public boolean isNoise(String feature, String endpoint, String field) {
        Endpoint counts = features.getOrDefault(feature, Map.of()).get(endpoint);
        AtomicLong[] c = counts == null ? null : counts.fields.get(ShadowComparison.pattern(field));
        return c != null && new ShadowStats.FieldCounts(c[0].get(), c[1].get()).judgedNoise();
    }

    /** Everything so far, per feature, for the gateway's report. */
    public Map<String, List<ShadowStats>> snapshot() {
        Map<String, List<ShadowStats>> all = new LinkedHashMap<>();
        features.forEach((feature, endpoints) -> {
            List<ShadowStats> stats = new ArrayList<>();
            endpoints.forEach((endpoint, counts) -> {
                Map<String, ShadowStats.FieldCounts> fields = new LinkedHashMap<>();
                counts.fields.forEach((field, c) -> fields.put(field,
                        new ShadowStats.FieldCounts(c[0].get(), c[1].get())));
                stats.add(new ShadowStats(endpoint, counts.compared.get(), fields));
            });
            all.put(feature, stats);
        });
        return all;
    }

    private static final class Endpoint {
        final AtomicLong compared = new AtomicLong();
        /** differing, noise */
        final Map<String, AtomicLong[]> fields = new ConcurrentHashMap<>();

        Optional<AtomicLong[]> field(String field) {
            AtomicLong[] counts = fields.get(field);
            if (counts == null && fields.size() < MAX_FIELDS) {
                counts = fields.computeIfAbsent(field, f -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
            }
            return Optional.ofNullable(counts);
        }
    }
}

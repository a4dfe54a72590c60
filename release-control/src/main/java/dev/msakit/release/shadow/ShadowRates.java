package dev.msakit.release.shadow;

import dev.msakit.contracts.release.ShadowStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A feature's shadow comparisons summed over the gateways, per endpoint and field, with their rates: how often the new
 * side differed from legacy, how often legacy differed from itself, and whether the field is noise by those rates.
 * Endpoints with the most differing fields first; in each, the fields that differ most often first.
 */
public final class ShadowRates {

    private ShadowRates() {
    }

    public static List<Endpoint> of(List<List<ShadowStats>> perGateway) {
        Map<String, long[]> compared = new TreeMap<>();
        Map<String, Map<String, long[]>> fields = new TreeMap<>();
        for (List<ShadowStats> gateway : perGateway) {
            for (ShadowStats stats : gateway) {
                compared.computeIfAbsent(stats.getEndpoint(), e -> new long[1])[0] += stats.getCompared();
                stats.getFields().forEach((field, counts) -> {
                    long[] sum = fields.computeIfAbsent(stats.getEndpoint(), e -> new TreeMap<>())
                            .computeIfAbsent(field, f -> new long[2]);
                    sum[0] += counts.getDiffering();
                    sum[1] += counts.getNoise();
                });
            }
        }
        List<Endpoint> endpoints = new ArrayList<>();
        compared.forEach((endpoint, n) -> {
            List<Field> rows = new ArrayList<>();
            fields.getOrDefault(endpoint, Map.of()).forEach((field, c) -> rows.add(new Field(field, n[0], c[0],
                    c[1])));
            rows.sort(Comparator.comparingLong(Field::getDiffering).reversed().thenComparing(Field::getField));
            endpoints.add(new Endpoint(endpoint, n[0], rows));
        });
        endpoints.sort(Comparator.comparingLong(Endpoint::realDifferences).reversed()
                .thenComparing(Endpoint::getEndpoint));
        return endpoints;
    }

    /** One endpoint (GET /products/{id}): reads compared, and its fields that ever differed. */
    public static final class Endpoint {
        private final String endpoint;
        private final long compared;
        private final List<Field> fields;

        Endpoint(String endpoint, long compared, List<Field> fields) {
            this.endpoint = endpoint;
            this.compared = compared;
            this.fields = List.copyOf(fields);
        }

        public String getEndpoint() {
            return endpoint;
        }

        public long getCompared() {
            return compared;
        }

        public List<Field> getFields() {
            return fields;
        }

        long realDifferences() {
            return fields.stream().filter(f -> f.getVerdict().equals("difference")).mapToLong(Field::getDiffering)
                    .sum();
        }
    }

    /** One field of an endpoint ("status", "header content-type", "$.content[*].price"). */
    public static final class Field {
        private final String field;
        private final long differing;
        private final long noise;
        private final double differenceRate;
        private final double noiseRate;

        Field(String field, long compared, long differing, long noise) {
            this.field = field;
            this.differing = differing;
            this.noise = noise;
            this.differenceRate = compared == 0 ? 0 : (double) differing / compared;
            this.noiseRate = compared == 0 ? 0 : (double) noise / compared;
        }

        public String getField() {
            return field;
        }

        public long getDiffering() {
            return differing;
        }

        public long getNoise() {
            return noise;
        }

        /** Share of the compared reads where the new side differed from legacy in this field. */
        public double getDifferenceRate() {
            return differenceRate;
        }

        /** Share of the compared reads where legacy differed from itself in this field. */
        public double getNoiseRate() {
            return noiseRate;
        }

        /** "noise" by the rates (see ShadowStats.FieldCounts): not held against the new side; else "difference". */
        public String getVerdict() {
            return new ShadowStats.FieldCounts(differing, noise).judgedNoise() ? "noise" : "difference";
        }
    }
}

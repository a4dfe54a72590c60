package dev.msakit.contracts.release;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gateway's shadow comparisons of one endpoint (method and path template) since it started: how many reads were
 * compared, and per field ("status", "header Content-Type", or a JSON path with indexes as [*]) how many times the
 * new side differed from legacy and how many times legacy differed from itself (noise). Rates, not single requests,
 * tell a field that is always noisy (a timestamp) from one the new side gets wrong.
 */
public class ShadowStats {

    private String endpoint;
    private long compared;
    private Map<String, FieldCounts> fields = new LinkedHashMap<>();

    public ShadowStats() {
    }

    public ShadowStats(String endpoint, long compared, Map<String, FieldCounts> fields) {
        this.endpoint = endpoint;
        this.compared = compared;
        this.fields = fields;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public long getCompared() {
        return compared;
    }

    public void setCompared(long compared) {
        this.compared = compared;
    }

    public Map<String, FieldCounts> getFields() {
        return fields;
    }

    public void setFields(Map<String, FieldCounts> fields) {
        this.fields = fields;
    }

    /** How often a field differed: new vs legacy, and legacy vs legacy. */
    public static class FieldCounts {
        private long differing;
        private long noise;

        public FieldCounts() {
        }

        public FieldCounts(long differing, long noise) {
            this.differing = differing;
            this.noise = noise;
        }

        public long getDiffering() {
            return differing;
        }

        public void setDiffering(long differing) {
            this.differing = differing;
        }

        public long getNoise() {
            return noise;
        }

        public void setNoise(long noise) {
            this.noise = noise;
        }

        /**
         * Noise, judged on the rates: legacy differs from itself in this field at least half as often as the new
         * side differs from legacy, so no candidate could be expected to match it.
         */
        public boolean judgedNoise() {
            return noise > 0 && 2 * noise >= differing;
        }
    }
}

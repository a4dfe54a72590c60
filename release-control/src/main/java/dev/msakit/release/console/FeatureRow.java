package dev.msakit.release.console;

import dev.msakit.release.api.FeatureView;

import java.util.Map;

/**
 * One switch as the console's table shows it: the switch, its counters over the live gateways, the sync lag and the
 * dead letters parked on each side.
 */
public final class FeatureRow {

    private final FeatureView feature;
    private final String lag;
    private final String deadLetters;

    FeatureRow(FeatureView feature, String lag, String deadLetters) {
        this.feature = feature;
        this.lag = lag;
        this.deadLetters = deadLetters;
    }

    public FeatureView getFeature() {
        return feature;
    }

    public long count(String counter) {
        Map<String, Long> counters = feature.getCounters();
        return counters.getOrDefault(counter, 0L);
    }

    /** Differing shadow comparisons per compared one, as a percentage text ("-" before the first comparison). */
    public String getDifferenceRate() {
        long compared = count("shadow.compared");
        return compared == 0 ? "-" : String.format("%.1f %%", 100.0 * count("shadow.mismatched") / compared);
    }

    /** The larger of the two sides' publication lag ("unknown" with the reason when a side cannot be asked). */
    public String getLag() {
        return lag;
    }

    /** Dead letters parked on each side ("legacy-shop 0, product-service 2"): ./msa dlq acts on them. */
    public String getDeadLetters() {
        return deadLetters;
    }
}

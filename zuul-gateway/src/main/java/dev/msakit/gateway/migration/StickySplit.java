package dev.msakit.gateway.migration;

import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;

/**
 * Which side a caller lands on in PERCENT mode: a hash of feature and caller, not a random draw, so the same member
 * always gets the same side for a feature, and raising the percentage only moves callers from legacy to new (a
 * caller's bucket is fixed; the threshold moves). Salted by feature, so the members on new for one feature are not
 * the same ones for every feature.
 */
public final class StickySplit {

    /** Buckets per percent: steps of 0.01 %. */
    public static final int BUCKETS = 10_000;

    private StickySplit() {
    }

    public static int bucket(String feature, String subject) {
        byte[] key = (feature + ':' + subject).getBytes(StandardCharsets.UTF_8);
        return Math.floorMod(MurmurHash3.hash32x86(key, 0, key.length, 0), BUCKETS);
    }

    public static boolean isNew(String feature, String subject, int percent) {
        return bucket(feature, subject) < percent * (BUCKETS / 100);
    }
}

package dev.msakit.gateway.migration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perSecond} shadow replays a second per feature (a token bucket refilled continuously, one second's
 * worth deep): a busy feature in SHADOW costs the new side and legacy a bounded extra load. 0: no limit.
 */
final class ShadowRate {

    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ShadowRate(double perSecond) {
        this.perSecond = perSecond;
    }

    boolean tryAcquire(String feature) {
        return perSecond <= 0 || buckets.computeIfAbsent(feature, f -> new Bucket(perSecond)).take(perSecond);
    }

    private static final class Bucket {
        private double tokens;
        private long lastNanos = System.nanoTime();

        Bucket(double perSecond) {
            this.tokens = perSecond;
        }

        synchronized boolean take(double perSecond) {
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - lastNanos) / 1e9 * perSecond);
            lastNanos = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}

package dev.msakit.gateway.ratelimit;

import java.time.Duration;

/**
 * A token bucket of {@code limit} tokens that refills evenly, {@code limit} tokens per interval, a fraction of a
 * token at a time (as Bucket4j's greedy refill does). One lock per bucket: callers contend only with themselves.
 */
final class TokenBucket {

    private final long limit;
    private final double nanosPerToken;
    private double tokens;
    private long refilledAt;

    TokenBucket(long limit, Duration interval, long now) {
        this.limit = limit;
        this.nanosPerToken = (double) interval.toNanos() / limit;
        this.tokens = limit;
        this.refilledAt = now;
    }

    /**
     * Takes a token if there is one. Answers the whole tokens left after it (-1: refused) and how long until the
     * bucket is full again (taken), or until the next token (refused), in ms rounded up.
     */
    synchronized Take take(long now) {
        if (now > refilledAt) {
            tokens = Math.min(limit, tokens + (now - refilledAt) / nanosPerToken);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return new Take((long) Math.floor(tokens), millisUp((limit - tokens) * nanosPerToken));
        }
        return new Take(-1, millisUp((1 - tokens) * nanosPerToken));
    }

    private static long millisUp(double nanos) {
        return (long) Math.ceil(nanos / 1_000_000 - 1e-9);
    }

    /** The outcome of one {@link #take}. */
    static final class Take {
        final long remaining;
        final long resetMillis;

        Take(long remaining, long resetMillis) {
            this.remaining = remaining;
            this.resetMillis = resetMillis;
        }

        boolean refused() {
            return remaining < 0;
        }
    }
}

package org.atriumcrm.integration.api.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How hard a channel tries: {@code maxAttempts} in all, the first retry after {@code firstRetry}, each wait twice
 * the last, never longer than {@code longest}.
 */
public record BackOff(int maxAttempts, Duration firstRetry, Duration longest) {
    /** The channels' usual ceiling: a counterpart back after a long outage gets its mail within a quarter hour. */
    public static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    public BackOff {
        if (maxAttempts < 1 || firstRetry.isNegative() || firstRetry.isZero() || longest.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("back-off " + maxAttempts + " attempts, first " + firstRetry + ", longest " + longest);
        }
    }

    /** From a channel's settings, with values below the minimum (one attempt, one second) raised to it. */
    public static BackOff of(int maxAttempts, int firstRetrySeconds) {
        return new BackOff(Math.max(1, maxAttempts), Duration.ofSeconds(Math.max(1, firstRetrySeconds)), QUARTER_HOUR);
    }

    /** When to try again after {@code attempts} failed attempts; empty when that was the last one allowed. */
    public Optional<Instant> retryAt(long attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long seconds = Math.min(longest.getSeconds(), firstRetry.getSeconds() << Math.min(20, Math.max(0, attempts - 1)));
        return Optional.of(now.plusSeconds(seconds));
    }
}

package org.atriumcrm.persistence.api;

import org.osgi.annotation.versioning.ProviderType;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter, then random bits. New
 * rows land at the end of the primary-key index instead of at random pages, which keeps inserts fast at volume, and
 * ids made one after the other in this JVM sort in that order even within one millisecond (RFC 9562's method 1, the
 * counter in {@code rand_a}; past 4,096 ids in a millisecond the next millisecond is borrowed), so "newest first"
 * ties on a time broken by id, and a history written within one millisecond, keep their order. The JDK only
 * generates random (v4) UUIDs and no library of our stack makes v7 ones, hence these few lines.
 */
@ProviderType
public final class RecordIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The last (milliseconds << 12 | counter) handed out; never goes back, also when the clock does. */
    private static final AtomicLong LAST = new AtomicLong();

    private RecordIds() {
    }

    public static String next() {
        long now = System.currentTimeMillis() << 12;
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, now));
        long msb = ((stamp >>> 12) << 16) | (0x7L << 12) | (stamp & 0xFFF);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** True for a syntactically valid UUID string (any version); used to reject junk ids early. */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

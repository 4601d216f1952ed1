package org.atriumcrm.persistence.api;

import org.osgi.annotation.versioning.ProviderType;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then random bits. New rows land at
 * the end of the primary-key index instead of at random pages, which keeps inserts fast at volume. The JDK
 * only generates random (v4) UUIDs and no library of our stack makes v7 ones, hence these few lines.
 */
@ProviderType
public final class RecordIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordIds() {
    }

    public static String next() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
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

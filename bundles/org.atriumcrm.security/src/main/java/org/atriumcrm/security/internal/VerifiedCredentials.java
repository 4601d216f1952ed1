package org.atriumcrm.security.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.atriumcrm.api.security.Caller;

/**
 * Remembers passwords that were verified recently, keyed by a SHA-256 digest of login and password, so that a
 * client sending HTTP Basic on every request pays the deliberately slow PBKDF2 check once per
 * {@code ttlMillis} instead of on every call (ARCHITECTURE §5). The plain password is never kept. Entries of a
 * user are dropped when the user changes; the map is bounded.
 */
final class VerifiedCredentials {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, long expiresAtMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    /** Changed under this object's monitor only, together with the entries it guards. */
    private volatile long epoch;

    VerifiedCredentials(long ttlMillis) {
        this.ttlMillis = ttlMillis;
    }

    static String key(String loginName, String password) {
        return PasswordHasher.sha256Hex(loginName + '\u0000' + password);
    }

    Optional<Caller> lookup(String key, long nowMillis) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.expiresAtMillis() <= nowMillis) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.caller());
    }

    /** Read before a password is verified and handed back to {@link #remember}: it moves on whenever a user is forgotten. */
    long epoch() {
        return epoch;
    }

    /**
     * Caches a verified password, unless some user was forgotten since {@code epochBefore}: that user may be this
     * one, locked or changed while the password was being checked, and must not be let in by the cache afterwards.
     */
    synchronized void remember(String key, Caller caller, long nowMillis, long epochBefore) {
        if (epoch != epochBefore) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(caller, nowMillis + ttlMillis));
    }

    synchronized void forgetUser(String userId) {
        epoch++;
        entries.values().removeIf(e -> e.caller().userId().equals(userId));
    }

    int size() {
        return entries.size();
    }
}

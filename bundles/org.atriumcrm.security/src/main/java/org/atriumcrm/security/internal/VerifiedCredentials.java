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

    void remember(String key, Caller caller, long nowMillis) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(caller, nowMillis + ttlMillis));
    }

    void forgetUser(String userId) {
        entries.values().removeIf(e -> e.caller().userId().equals(userId));
    }

    int size() {
        return entries.size();
    }
}

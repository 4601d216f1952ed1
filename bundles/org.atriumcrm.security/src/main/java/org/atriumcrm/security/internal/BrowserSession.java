package org.atriumcrm.security.internal;

import java.time.Duration;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * A browser's login (the {@code ATRIUM_SESSION} cookie). Like an API token, only the SHA-256 digest of the cookie's
 * 256 random bits is stored, so a copy of the table logs nobody in. The CSRF token is kept as it is: the page asks
 * for it again after a reload, and it is worthless without the cookie. No version column: the only update is the
 * idle clock, where the last writer is as right as any.
 */
@Entity(name = "BrowserSession")
@Table(name = "ATRIUM_WEB_SESSION", indexes = {
        @Index(name = "UX_WEB_SESSION_DIGEST", columnList = "DIGEST", unique = true),
        @Index(name = "IX_WEB_SESSION_USER", columnList = "USER_ID")})
public class BrowserSession {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "DIGEST", length = 64, nullable = false)
    private String digest;
    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;
    @Column(name = "CSRF_TOKEN", length = 64, nullable = false)
    private String csrfToken;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "LAST_SEEN_AT", nullable = false)
    private Instant lastSeenAt;
    /** The absolute end, however busy the session is. */
    @Convert(converter = InstantConverter.class)
    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    public BrowserSession() {
    }

    BrowserSession(String id, String digest, String userId, String csrfToken, Instant now, Duration lifetime) {
        this.id = id;
        this.digest = digest;
        this.userId = userId;
        this.csrfToken = csrfToken;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String csrfToken() {
        return csrfToken;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }

    /** When the session ends unless it is used again: idle after its last use, at the latest its absolute end. */
    Instant endsAt(Duration idle) {
        Instant idleEnd = lastSeenAt.plus(idle);
        return idleEnd.isBefore(expiresAt) ? idleEnd : expiresAt;
    }

    boolean isLive(Instant now, Duration idle) {
        return now.isBefore(endsAt(idle));
    }

    /**
     * Whether a use at {@code now} should be written down. Every request of a busy page would otherwise write the same
     * row; the idle clock loses at most {@code granularity}, which ends a session that much early.
     */
    boolean lastSeenDue(Instant now, Duration granularity) {
        return lastSeenAt.plus(granularity).isBefore(now);
    }

    void seen(Instant now) {
        this.lastSeenAt = now;
    }
}

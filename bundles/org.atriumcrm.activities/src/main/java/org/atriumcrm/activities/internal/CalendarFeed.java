package org.atriumcrm.activities.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * A user's iCalendar feed: the secret URL a phone calendar subscribes to. The token (32 random bytes) is shown to the
 * user once, when it is created; this row keeps only its SHA-256 digest, as API tokens are kept, so that a copy of
 * the database (a backup, a support dump) opens nobody's calendar. Rotating revokes the user's feeds and makes a new one.
 */
@Entity(name = "CalendarFeed")
@Table(name = "ATRIUM_CALENDAR_FEED", indexes = {@Index(name = "UQ_CALENDAR_FEED_TOKEN", columnList = "TOKEN_DIGEST", unique = true),
    @Index(name = "IX_CALENDAR_FEED_USER", columnList = "USER_ID")})
public class CalendarFeed {
    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "USER_ID", length = 36)
    private String userId;
    @Column(name = "TOKEN_DIGEST", length = 64)
    private String tokenDigest;
    @Column(name = "CREATED_AT")
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "REVOKED_AT")
    @Convert(converter = InstantConverter.class)
    private Instant revokedAt;

    public CalendarFeed() {
    }

    CalendarFeed(String id, String userId, String tokenDigest, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.tokenDigest = tokenDigest;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getTokenDigest() {
        return tokenDigest;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(Instant revokedAt) {
        this.revokedAt = revokedAt;
    }
}

package org.atriumcrm.security.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;

/**
 * A personal API token. Only the SHA-256 digest of the secret is stored: the secret is 256 random bits, so
 * a fast digest is as safe as a slow password hash and costs microseconds per request instead of milliseconds.
 */
@Entity(name = "ApiToken")
@Table(name = "ATRIUM_API_TOKEN", indexes = {
        @Index(name = "UX_TOKEN_DIGEST", columnList = "DIGEST", unique = true),
        @Index(name = "IX_TOKEN_USER", columnList = "USER_ID")})
public class ApiToken extends BaseRecord {
    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;
    @Column(name = "NAME", length = 100, nullable = false)
    private String name;
    @Column(name = "DIGEST", length = 64, nullable = false)
    private String digest;
    @Convert(converter = InstantConverter.class)
    @Column(name = "EXPIRES_AT")
    private Instant expiresAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "LAST_USED_AT")
    private Instant lastUsedAt;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public boolean isUsable(Instant now) {
        return !isDeleted() && (expiresAt == null || expiresAt.isAfter(now));
    }
}

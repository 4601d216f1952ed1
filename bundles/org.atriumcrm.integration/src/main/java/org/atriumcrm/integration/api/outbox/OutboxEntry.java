package org.atriumcrm.integration.api.outbox;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.MappedSuperclass;

import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.InstantConverter;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One message in a channel's outbox: waiting ({@link #PENDING}), handed over ({@link #DELIVERED}) or given up on
 * ({@link #DEAD}, the dead-letter store). A channel's entity extends this with the id of what it carries (an email,
 * a text message, an ERP message) and lists this class in its persistence unit. Its state changes only through
 * {@link OutboxEntries}.
 */
@MappedSuperclass
@ProviderType
public abstract class OutboxEntry extends BaseRecord {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";

    @Column(name = "STATUS", length = 10)
    private String status;
    @Column(name = "ATTEMPTS")
    private Long attempts;
    @Convert(converter = InstantConverter.class)
    @Column(name = "NEXT_ATTEMPT_AT")
    private Instant nextAttemptAt;
    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;
    @Convert(converter = InstantConverter.class)
    @Column(name = "DELIVERED_AT")
    private Instant deliveredAt;

    /**
     * A new entry for what {@code caller} sends, owned as the message is, due at {@code due} (at once when it is
     * null or past).
     */
    public void queue(String id, String ownerId, Instant now, Instant due, Caller caller) {
        initialise(id, now, caller);
        setOwnerId(ownerId);
        status = PENDING;
        attempts = 0L;
        nextAttemptAt = due == null || due.isBefore(now) ? now : due;
    }

    public String getStatus() {
        return status;
    }

    public Long getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public boolean isDead() {
        return DEAD.equals(status);
    }

    void delivered(Instant now) {
        status = DELIVERED;
        deliveredAt = now;
        attempts = attempts + 1;
        lastError = null;
        touch(now, Caller.SYSTEM);
    }

    /** A failed attempt; true when it was the last one the back-off allows. */
    boolean failed(String reason, BackOff backOff, Instant now) {
        attempts = attempts + 1;
        lastError = reason == null ? "unknown" : reason.substring(0, Math.min(1000, reason.length()));
        touch(now, Caller.SYSTEM);
        java.util.Optional<Instant> next = backOff.retryAt(attempts, now);
        if (next.isEmpty()) {
            status = DEAD;
            return true;
        }
        nextAttemptAt = next.get();
        return false;
    }

    void replayed(Instant now, Caller caller) {
        status = PENDING;
        attempts = 0L;
        nextAttemptAt = now;
        touch(now, caller);
    }
}

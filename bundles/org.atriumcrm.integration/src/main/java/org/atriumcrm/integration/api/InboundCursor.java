package org.atriumcrm.integration.api;

import java.time.Instant;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How far a connector has read its source (an IMAP folder's UIDVALIDITY and last UID, an ERP's change token, a
 * shop's last page): where the next read starts. Only an optimisation over the receipts — a cursor that lags
 * (a crash between filing and moving it on) makes the next read see a few messages again, and their
 * {@link InboundReceipt}s skip them; a cursor must therefore never run ahead of what was filed.
 */
@Entity(name = "InboundCursor")
@Table(name = "ATRIUM_INBOUND_CURSOR")
@Cacheable(false)
@ProviderType
public class InboundCursor {
    @Id
    @Column(name = "CURSOR_KEY", length = 300)
    private String key;
    @Column(name = "READ_POSITION", length = 1000)
    private String position;
    @Convert(converter = InstantConverter.class)
    @Column(name = "UPDATED_AT")
    private Instant updatedAt;

    public InboundCursor() {
    }

    InboundCursor(String key) {
        this.key = key;
    }

    public String getKey() { return key; }
    public String getPosition() { return position; }
    public Instant getUpdatedAt() { return updatedAt; }

    void moveTo(String position, Instant at) {
        this.position = position;
        this.updatedAt = at;
    }
}

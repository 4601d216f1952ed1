package org.atriumcrm.erp.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.InstantConverter;

/**
 * What one connector and the CRM last agreed on for one record's field group (its values as canonical JSON), and the
 * pair of values last judged: a conflict is a difference where the CRM moved away from the agreed value too, and the
 * same pair arriving again is not judged (or logged) twice.
 */
@Entity(name = "ErpSyncState")
@Table(name = "ATRIUM_ERP_SYNC_STATE")
public class ErpSyncState {
    @Id
    @Column(name = "STATE_KEY", length = 300)
    private String key;
    @Column(name = "AGREED", length = 2000)
    private String agreed;
    @Column(name = "LAST_PAIR", length = 4000)
    private String lastPair;
    @Convert(converter = InstantConverter.class)
    @Column(name = "UPDATED_AT")
    private Instant updatedAt;

    public ErpSyncState() {
    }

    ErpSyncState(String key) {
        this.key = key;
    }

    String getKey() { return key; }
    String getAgreed() { return agreed; }
    String getLastPair() { return lastPair; }

    void agreed(String value, Instant at) {
        this.agreed = value;
        this.updatedAt = at;
    }

    void judged(String pair, Instant at) {
        this.lastPair = pair;
        this.updatedAt = at;
    }
}

package org.atriumcrm.persistence.api;

import org.osgi.annotation.versioning.ProviderType;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.api.record.FieldChange;

/**
 * The change history of records, written by {@link JpaRecordStore} in the same transaction as the change.
 * Every persistence unit lists this class; each unit's records land in its own table
 * {@code ATRIUM_RECORD_CHANGE} (one table, shared by all units on the same database).
 */
@Entity(name = "RecordChange")
@Table(name = "ATRIUM_RECORD_CHANGE", indexes = @Index(name = "IX_RECORD_CHANGE", columnList = "RECORD_ID, CHANGED_AT"))
@ProviderType
public class RecordChangeRow {
    private static final int MAX_VALUE = 4000;

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "ENTITY", length = 100, nullable = false)
    private String entity;
    @Column(name = "RECORD_ID", length = 36, nullable = false)
    private String recordId;
    @Column(name = "ACTION", length = 20, nullable = false)
    private String action;
    @Column(name = "FIELD", length = 100)
    private String field;
    @Column(name = "OLD_VALUE", length = MAX_VALUE)
    private String oldValue;
    @Column(name = "NEW_VALUE", length = MAX_VALUE)
    private String newValue;
    @Column(name = "USER_ID", length = 36)
    private String userId;
    @Convert(converter = InstantConverter.class)
    @Column(name = "CHANGED_AT", nullable = false)
    private Instant changedAt;

    public RecordChangeRow() {
    }

    public RecordChangeRow(String entity, String recordId, String action, String field, Object oldValue, Object newValue,
            String userId, Instant at) {
        this.id = RecordIds.next();
        this.entity = entity;
        this.recordId = recordId;
        this.action = action;
        this.field = field;
        this.oldValue = text(oldValue);
        this.newValue = text(newValue);
        this.userId = userId;
        this.changedAt = at;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE - 1) + "…" : s;
    }

    FieldChange toChange() {
        return new FieldChange(action, field, oldValue, newValue, userId, changedAt);
    }
}

package org.atriumcrm.persistence.api;

import org.osgi.annotation.versioning.ProviderType;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import javax.persistence.Version;

import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.security.Caller;

/** The columns every record has (ARCHITECTURE §4). Subclasses add their business fields. */
@MappedSuperclass
@ProviderType
public abstract class BaseRecord implements Record {
    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "OWNER_ID", length = 36)
    private String ownerId;

    @Convert(converter = InstantConverter.class)
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "MODIFIED_AT", nullable = false)
    private Instant modifiedAt;

    @Column(name = "MODIFIED_BY", length = 36)
    private String modifiedBy;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    @Convert(converter = InstantConverter.class)
    @Column(name = "DELETED_AT")
    private Instant deletedAt;

    @Column(name = "DELETED_BY", length = 36)
    private String deletedBy;

    /** Gives a new record its id, audit columns and default owner. */
    public void initialise(String newId, Instant now, Caller caller) {
        this.id = newId;
        this.createdAt = now;
        this.createdBy = caller.userId();
        this.modifiedAt = now;
        this.modifiedBy = caller.userId();
        if (ownerId == null) {
            ownerId = caller.userId();
        }
    }

    public void touch(Instant now, Caller caller) {
        this.modifiedAt = now;
        this.modifiedBy = caller.userId();
    }

    public void markDeleted(Instant now, Caller caller) {
        this.deletedAt = now;
        this.deletedBy = caller.userId();
        touch(now, caller);
    }

    public void clearDeleted(Instant now, Caller caller) {
        this.deletedAt = null;
        this.deletedBy = null;
        touch(now, caller);
    }

    /** Called before every insert and update through a store: derive computed fields here. */
    public void beforeSave() {
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getOwnerId() {
        return ownerId;
    }

    @Override
    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    @Override
    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String getCreatedBy() {
        return createdBy;
    }

    @Override
    public Instant getModifiedAt() {
        return modifiedAt;
    }

    @Override
    public String getModifiedBy() {
        return modifiedBy;
    }

    @Override
    public long getVersion() {
        return version;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    @Override
    public String getDeletedBy() {
        return deletedBy;
    }
}

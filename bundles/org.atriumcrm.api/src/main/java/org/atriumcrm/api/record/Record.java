package org.atriumcrm.api.record;

import org.osgi.annotation.versioning.ConsumerType;
import java.time.Instant;

/**
 * What every business record has: a UUID id, an owner (user or group, the basis of sharing), audit columns,
 * an optimistic-lock version (exposed as the ETag) and a soft-delete mark (the recycle bin).
 */
@ConsumerType
public interface Record {
    String getId();

    String getOwnerId();

    void setOwnerId(String ownerId);

    Instant getCreatedAt();

    String getCreatedBy();

    Instant getModifiedAt();

    String getModifiedBy();

    long getVersion();

    /** Set while the record is in the recycle bin. */
    Instant getDeletedAt();

    String getDeletedBy();
}

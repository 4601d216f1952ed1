package org.atriumcrm.api.security;

import org.osgi.annotation.versioning.ProviderType;
import java.time.Instant;
import java.util.List;

/**
 * Manual sharing: one record shared with one user or group, read-only or read/write, on top of what the role
 * hierarchy, org-wide defaults and sharing rules grant. Callers check that the sharer may change the record.
 */
@ProviderType
public interface RecordSharing {

    record Share(String id, String principalId, boolean readWrite, String grantedBy, Instant grantedAt) {
    }

    List<Share> shares(String entity, String recordId);

    /** Shares (or re-shares with a new access level); 400 when the principal is neither a user nor a group. */
    Share share(String entity, String recordId, String principalId, boolean readWrite, Caller caller);

    /** 404 when there is no such share on the record. */
    void revoke(String entity, String recordId, String shareId, Caller caller);

    /** Removes every share of a record (when it is purged). */
    void forget(String entity, String recordId);
}

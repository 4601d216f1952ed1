package org.atriumcrm.api.security;

/** Lookups of users by id, e.g. to validate a record's owner. */
public interface UserDirectory {

    /** True when {@code userId} names an existing, active user. */
    boolean isActiveUser(String userId);

    /** True when {@code ownerId} may own records: an active user or a group. */
    default boolean isValidOwner(String ownerId) {
        return isActiveUser(ownerId);
    }
}

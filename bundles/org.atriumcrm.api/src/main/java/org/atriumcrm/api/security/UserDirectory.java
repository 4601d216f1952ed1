package org.atriumcrm.api.security;

import org.osgi.annotation.versioning.ProviderType;

/** Lookups of users by id, e.g. to validate a record's owner. */
@ProviderType
public interface UserDirectory {

    /** True when {@code userId} names an existing, active user. */
    boolean isActiveUser(String userId);

    /** A group of users (a team): it can own records, and reports sum over its members. */
    record Team(String id, String name, java.util.Set<String> memberIds) {
    }

    /** Every group with its members. */
    default java.util.List<Team> teams() {
        return java.util.List.of();
    }

    /** True when {@code ownerId} may own records: an active user or a group. */
    default boolean isValidOwner(String ownerId) {
        return isActiveUser(ownerId);
    }
}

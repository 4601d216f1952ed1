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

    /**
     * The managers of {@code userId}: the active users of the nearest role above the user's role that has any (a
     * vacant manager role is skipped), ordered by login name; empty when the user has no role or nobody is above.
     * Approvals route to them.
     *
     * @since 1.3
     */
    default java.util.List<String> managersOf(String userId) {
        return java.util.List.of();
    }

    /**
     * True when {@code upperUserId}'s role is strictly above {@code lowerUserId}'s role in the role tree.
     *
     * @since 1.3
     */
    default boolean isAbove(String upperUserId, String lowerUserId) {
        return false;
    }

    /**
     * True when {@code userId} is an active administrator.
     *
     * @since 1.3
     */
    default boolean isAdministrator(String userId) {
        return false;
    }

    /**
     * The email address of an active user, for notifications the platform sends them (an approval request).
     *
     * @since 1.3
     */
    default java.util.Optional<String> emailOf(String userId) {
        return java.util.Optional.empty();
    }

    /**
     * The language a user chose ({@code "zh-CN"} or {@code "en"}), for what the platform answers them, e.g. the
     * messages of an error; empty when they chose none or the user is unknown.
     *
     * @since 1.4
     */
    default java.util.Optional<String> languageOf(String userId) {
        return java.util.Optional.empty();
    }
}

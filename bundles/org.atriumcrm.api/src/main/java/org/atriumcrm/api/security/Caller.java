package org.atriumcrm.api.security;

/** The authenticated user on whose behalf an operation runs. */
public record Caller(String userId, String loginName) {
    /** The platform itself (bootstrap, scheduled jobs). */
    public static final Caller SYSTEM = new Caller("system", "system");
}

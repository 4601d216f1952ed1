package org.atriumcrm.api.security;

import java.security.Principal;

/** The authenticated user on whose behalf an operation runs; also the JAX-RS user principal. */
public record Caller(String userId, String loginName) implements Principal {
    /** The platform itself (bootstrap, scheduled jobs). */
    public static final Caller SYSTEM = new Caller("system", "system");

    @Override
    public String getName() {
        return loginName;
    }
}

package org.atriumcrm.api.security;

import org.osgi.annotation.versioning.ProviderType;
import java.security.Principal;

/**
 * The authenticated user on whose behalf an operation runs; also the JAX-RS user principal.
 * {@code administrator} users may use the administration API ({@code /api/v1/admin/...}).
 */
@ProviderType
public record Caller(String userId, String loginName, boolean administrator) implements Principal {
    /** The platform itself (bootstrap, scheduled jobs). */
    public static final Caller SYSTEM = new Caller("system", "system", true);

    /** A caller without administration rights. */
    public Caller(String userId, String loginName) {
        this(userId, loginName, false);
    }

    @Override
    public String getName() {
        return loginName;
    }
}

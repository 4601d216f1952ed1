package org.atriumcrm.api.security;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Optional;

/** Checks credentials presented to the API. Implementations must be fast on repeated valid credentials. */
@ProviderType
public interface Authenticator {

    /** HTTP Basic: login name and password. Empty when unknown, wrong, or the user is not active or locked. */
    Optional<Caller> authenticatePassword(String loginName, String password);

    /** As {@link #authenticatePassword(String, String)}, recording the client address with the login attempt. */
    default Optional<Caller> authenticatePassword(String loginName, String password, String sourceAddress) {
        return authenticatePassword(loginName, password);
    }

    /** Bearer API token. Empty when unknown, revoked, expired, or its user is not active. */
    Optional<Caller> authenticateToken(String token);

    /**
     * The browser session whose cookie holds {@code sessionToken}. Empty when unknown, logged out, expired (idle or past
     * its lifetime), or its user is not active any more.
     *
     * @since 1.2
     */
    default Optional<WebSession> authenticateSession(String sessionToken) {
        return Optional.empty();
    }
}

package org.atriumcrm.api.security;

import java.util.Optional;

/** Checks credentials presented to the API. Implementations must be fast on repeated valid credentials. */
public interface Authenticator {

    /** HTTP Basic: login name and password. Empty when unknown, wrong, or the user is not active. */
    Optional<Caller> authenticatePassword(String loginName, String password);

    /** Bearer API token. Empty when unknown, revoked, expired, or its user is not active. */
    Optional<Caller> authenticateToken(String token);
}

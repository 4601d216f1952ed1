package org.atriumcrm.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Atrium security", description = "Authentication settings of Atrium CRM")
public @interface SecurityConfig {

    @AttributeDefinition(name = "Verified password cache (seconds)",
            description = "How long a verified HTTP Basic password is accepted without re-running the slow hash; 0 disables")
    int credentialCacheSeconds() default 300;

    @AttributeDefinition(name = "PBKDF2 iterations", description = "Work factor for new password hashes")
    int passwordIterations() default PasswordHasher.DEFAULT_ITERATIONS;

    @AttributeDefinition(name = "Failed logins before lockout", description = "Wrong passwords in a row that lock the account")
    int maxFailedLogins() default 5;

    @AttributeDefinition(name = "Lockout minutes", description = "How long a locked account stays locked (an administrator's password reset unlocks it)")
    int lockoutMinutes() default 15;

    @AttributeDefinition(name = "Browser session idle minutes",
            description = "A browser session (the ATRIUM_SESSION cookie of POST /api/v1/session) not used for this long ends")
    int sessionIdleMinutes() default 480;

    @AttributeDefinition(name = "Browser session lifetime hours",
            description = "A browser session ends this long after the login, however busy it is")
    int sessionLifetimeHours() default 168;
}

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
}

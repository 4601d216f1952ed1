package org.atriumcrm.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The company outbox: configuration PID {@code org.atriumcrm.mail} (etc/org.atriumcrm.mail.cfg or ConfigAdmin). */
@ObjectClassDefinition(name = "Atrium CRM company outbox", description = "The SMTP server every email from the CRM goes through")
public @interface MailSettings {
    @AttributeDefinition(description = "SMTP host; empty = the outbox keeps mail until one is configured")
    String smtpHost() default "";

    @AttributeDefinition(description = "SMTP port (25, 465 for SMTPS, 587 for STARTTLS)")
    int smtpPort() default 25;

    @AttributeDefinition(description = "none, starttls or ssl")
    String smtpSecurity() default "none";

    String smtpUser() default "";

    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String smtpPassword() default "";

    @AttributeDefinition(description = "The company's sender address (From)")
    String fromAddress() default "crm@localhost";

    @AttributeDefinition(description = "Delivery attempts before an email goes to the dead-letter store")
    int maxAttempts() default 8;

    @AttributeDefinition(description = "Seconds before the first retry; each retry waits twice as long, at most 15 minutes")
    int firstRetrySeconds() default 5;

    @AttributeDefinition(description = "How often the outbox is drained, in milliseconds")
    long pollMillis() default 1000;

    @AttributeDefinition(description = "The address the public reaches this server at (e.g. https://crm.example.com): open-tracking pixels,"
            + " click and unsubscribe links are built on it; empty = no tracking, and no mass mailing")
    String publicBaseUrl() default "";

    @AttributeDefinition(description = "At most this many emails leave the outbox per minute (mass mailing must not flood the mail server); 0 = no limit")
    int maxPerMinute() default 120;

    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD, description = "Key of the HMAC that signs"
            + " tracked links; the same on every node of a cluster. Empty = a random key kept in the bundle's data area")
    String trackingSecret() default "";
}

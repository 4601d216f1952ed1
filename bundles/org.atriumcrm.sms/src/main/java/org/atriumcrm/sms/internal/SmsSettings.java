package org.atriumcrm.sms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The SMS gateway and outbox: configuration PID {@code org.atriumcrm.sms} (etc/org.atriumcrm.sms.cfg or ConfigAdmin). */
@ObjectClassDefinition(name = "Atrium CRM SMS", description = "The gateway every text message from the CRM goes through")
public @interface SmsSettings {
    @AttributeDefinition(description = "none = messages wait in the outbox until a gateway is configured",
            options = {@Option(value = "none", label = "None"), @Option(value = "smpp", label = "SMPP (SMSC)"),
                @Option(value = "http", label = "HTTP API")})
    String gateway() default "none";

    @AttributeDefinition(description = "Country calling code for numbers written without one (86 = mainland China)")
    String defaultCountryCode() default "86";

    String smppHost() default "";

    int smppPort() default 2775;

    String smppSystemId() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String smppPassword() default "";

    String smppSystemType() default "";

    @AttributeDefinition(description = "Sender: a number, a short code or an alphanumeric name the SMSC allows")
    String smppSourceAddr() default "";

    @AttributeDefinition(description = "The provider's send URL (https://...)")
    String httpUrl() default "";

    String httpMethod() default "POST";

    @AttributeDefinition(description = "Request body; {{to}} (E.164), {{toDigits}}, {{text}}, {{signature}}, {{templateCode}}, {{from}}, {{smsId}}"
            + " are replaced, escaped for the content type")
    String httpBodyTemplate() default "{\"to\":\"{{to}}\",\"text\":\"{{signature}}{{text}}\"}";

    @AttributeDefinition(options = {@Option(value = "json", label = "JSON"), @Option(value = "form", label = "Form (urlencoded)")})
    String httpContentType() default "json";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "A whole header line, e.g. Authorization: Bearer <key>")
    String httpAuthHeader() default "";

    @AttributeDefinition(description = "Success = HTTP 2xx and, if set, this regular expression found in the response body")
    String httpSuccessPattern() default "";

    @AttributeDefinition(description = "Regular expression whose first group is the provider's message id in the response")
    String httpMessageIdPattern() default "";

    @AttributeDefinition(description = "The approved signature, e.g. 【Atrium】")
    String httpSignature() default "";

    String httpTemplateCode() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Shared secret the provider sends to /api/v1/public/sms/inbound (header X-Atrium-Sms-Secret); empty = the webhook is closed")
    String inboundSecret() default "";

    @AttributeDefinition(description = "Attempts before a message goes to the dead-letter store")
    int maxAttempts() default 8;

    @AttributeDefinition(description = "Seconds before the first retry; each retry waits twice as long, at most 15 minutes")
    int firstRetrySeconds() default 5;

    @AttributeDefinition(description = "How often the outbox is drained, in milliseconds")
    long pollMillis() default 1000;

    @AttributeDefinition(description = "At most this many messages per second go to the gateway (the provider's rate limit)")
    int throttlePerSecond() default 20;
}

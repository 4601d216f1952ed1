package org.atriumcrm.sms.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/** The SMS configuration (PID {@code org.atriumcrm.sms}) for the components that only read it. */
@Component(service = SmsConfig.class, configurationPid = "org.atriumcrm.sms")
public class SmsConfig {
    private volatile SmsSettings settings;

    @Activate
    @Modified
    void configure(SmsSettings s) {
        settings = s;
    }

    String defaultCountry() {
        return settings.defaultCountryCode();
    }

    /** The sender stored on outbound messages: what the gateway shows as sender, when the CRM knows it. */
    String sender() {
        String s = "smpp".equals(settings.gateway()) ? settings.smppSourceAddr() : settings.httpSignature();
        return s == null || s.isBlank() ? null : s;
    }

    String inboundSecret() {
        return settings.inboundSecret();
    }
}

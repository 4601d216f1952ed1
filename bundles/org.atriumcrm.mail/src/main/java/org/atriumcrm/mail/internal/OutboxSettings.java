package org.atriumcrm.mail.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/** The outbox configuration (PID {@code org.atriumcrm.mail}) for the components that only need to read it. */
@Component(service = OutboxSettings.class, configurationPid = "org.atriumcrm.mail")
public class OutboxSettings {
    private volatile MailSettings settings;

    @Activate
    @Modified
    void configure(MailSettings s) {
        settings = s;
    }

    String fromAddress() {
        return settings.fromAddress();
    }
}

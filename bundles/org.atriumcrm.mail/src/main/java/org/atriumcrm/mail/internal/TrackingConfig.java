package org.atriumcrm.mail.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/** Public base URL, HMAC key and send rate (PID {@code org.atriumcrm.mail}) for tracking, unsubscribe links and throttling. */
@Component(service = TrackingConfig.class, configurationPid = "org.atriumcrm.mail")
public class TrackingConfig {
    private volatile TrackingLinks links;
    private volatile int maxPerMinute;

    @Activate
    @Modified
    void configure(BundleContext context, MailSettings settings) {
        byte[] key = settings.trackingSecret() == null || settings.trackingSecret().isBlank()
                ? storedKey(context.getDataFile("tracking.key"))
                : settings.trackingSecret().getBytes(StandardCharsets.UTF_8);
        links = new TrackingLinks(settings.publicBaseUrl(), key);
        maxPerMinute = settings.maxPerMinute();
    }

    TrackingLinks links() {
        return links;
    }

    int maxPerMinute() {
        return maxPerMinute;
    }

    /**
     * A key made once and kept: links already sent must keep working after a restart. A cluster must configure
     * {@code trackingSecret} instead, or a click would only verify on the node that sent the email.
     */
    private static synchronized byte[] storedKey(File file) {
        try {
            if (file.isFile() && file.length() >= 32) {
                return Files.readAllBytes(file.toPath());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.write(file.toPath(), key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the tracking key in " + file, e);
        }
    }
}

package org.atriumcrm.mail.internal;

import java.util.Map;

import org.atriumcrm.api.module.ModuleGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What a tracked email gets only on its way out, not in the stored email: the open pixel and the signed click links
 * (a user reading the email in the CRM would otherwise count as an open and click through the tracker), and for a
 * mass mailing the one-click {@code List-Unsubscribe} headers.
 */
@Component(service = SendDecorations.class)
public class SendDecorations {
    private final EmailTrackingStore tracking;
    private final TrackingConfig config;

    record Decoration(String html, Map<String, String> headers) {
    }

    @Activate
    public SendDecorations(@Reference EmailTrackingStore tracking, @Reference TrackingConfig config,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.tracking = tracking;
        this.config = config;
    }

    Decoration of(Email email) {
        TrackingLinks links = config.links();
        EmailTracking t = links.enabled() ? tracking.forEmail(email.getId()).orElse(null) : null;
        if (t == null) {
            return new Decoration(email.getHtmlBody(), Map.of());
        }
        return new Decoration(links.decorate(email.getHtmlBody(), t.getToken(), true),
                t.getMassMailingId() == null ? Map.of() : links.unsubscribeHeaders(t.getToken()));
    }
}

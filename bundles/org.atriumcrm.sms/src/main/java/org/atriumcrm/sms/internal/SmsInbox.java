package org.atriumcrm.sms.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.module.ModuleGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files what the gateways receive: delivery receipts update their message, messages from people are stored once
 * and linked to the contact or lead whose mobile sent them.
 */
@Component(service = SmsInbox.class)
public class SmsInbox implements SmsReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(SmsInbox.class);
    private static final int MAX_EARLY = 10_000;

    private final SmsStore store;
    private final SmsRecipients recipients;
    private final SmsConfig config;
    /**
     * Receipts that came before the send committed the gateway ids (an SMSC may answer the submit and send the
     * receipt in the same millisecond); applied right after the commit. Oldest first, bounded.
     */
    private final Map<String, Object[]> early = new LinkedHashMap<>();

    @Activate
    public SmsInbox(@Reference SmsStore store, @Reference SmsRecipients recipients, @Reference SmsConfig config,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + SmsTypes.MODULE + ")") ModuleGate gate) {
        this.store = store;
        this.recipients = recipients;
        this.config = config;
    }

    @Override
    public void receipt(String gateway, String gatewayId, boolean delivered, String detail) {
        if (!store.receipt(gateway, gatewayId, delivered, detail)) {
            synchronized (early) {
                early.put(SmsGatewayKey.key(gateway, gatewayId), new Object[] {delivered, detail});
                if (early.size() > MAX_EARLY) {
                    Iterator<String> oldest = early.keySet().iterator();
                    LOG.info("delivery receipt for unknown message {} dropped", oldest.next());
                    oldest.remove();
                }
            }
        }
    }

    /** After a send committed: receipts that were waiting for these ids are applied now. */
    void afterSent(String gateway, List<String> gatewayIds) {
        for (String id : gatewayIds) {
            Object[] waiting;
            synchronized (early) {
                waiting = early.remove(SmsGatewayKey.key(gateway, id));
            }
            if (waiting != null) {
                store.receipt(gateway, id, (Boolean) waiting[0], (String) waiting[1]);
            }
        }
    }

    @Override
    public String received(String gateway, String gatewayId, String from, String to, String text) {
        String country = config.defaultCountry();
        String sender = from == null ? null : PhoneNumbers.e164(from, country).orElse(from);
        SmsStore.Link link = sender == null || !sender.startsWith("+") ? null : recipients.byMobile(sender, country).orElse(null);
        String id = store.received(gateway, gatewayId, sender, to == null ? null : PhoneNumbers.e164(to, country).orElse(to),
                text == null ? "" : text, link);
        LOG.debug("inbound SMS {} from {} linked to {}", id, sender, link);
        return id;
    }
}

package org.atriumcrm.mail.internal;

import java.util.ArrayList;
import java.util.List;

import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * A converted lead's correspondence follows it: every email filed under the lead is also filed under the account,
 * contact and opportunity the conversion made (the lead keeps its own history too). Idempotent, so a redelivered
 * event or a conversion recovered after a crash adds nothing twice.
 */
@Component(property = EventConstants.EVENT_TOPIC + "=" + DomainEvents.LEAD_CONVERTED_TOPIC)
public class LeadConversionLinks implements EventHandler {
    private final EmailStore emails;

    @Activate
    public LeadConversionLinks(@Reference EmailStore emails,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.emails = emails;
    }

    @Override
    public void handleEvent(Event event) {
        List<EmailStore.Link> targets = new ArrayList<>();
        for (String[] property : new String[][] {{DomainEvents.ACCOUNT_ID, "Account"},
            {DomainEvents.CONTACT_ID, "Contact"}, {DomainEvents.OPPORTUNITY_ID, "Opportunity"}}) {
            Object id = event.getProperty(property[0]);
            if (id instanceof String s && !s.isBlank()) {
                targets.add(new EmailStore.Link(property[1], s));
            }
        }
        Object lead = event.getProperty(DomainEvents.ID);
        if (lead instanceof String leadId && !targets.isEmpty()) {
            emails.fileAlsoUnder(leadId, targets);
        }
    }
}

package org.atriumcrm.commerce.internal;

import java.util.List;
import java.util.Optional;

import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.mail.api.OutboundMail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Approval notifications by email through the company outbox (so retried, never lost), in Chinese and English: the
 * approver hears of a quote submitted to them, the quote's owner of the decision and its comment. Present while the
 * mail module runs (its package is an optional import of this bundle).
 */
@Component(service = EventHandler.class, property = {EventConstants.EVENT_TOPIC + "=" + "atrium/Quote/SUBMITTED",
    EventConstants.EVENT_TOPIC + "=" + "atrium/Quote/APPROVED", EventConstants.EVENT_TOPIC + "=" + "atrium/Quote/REJECTED"})
public class ApprovalMail implements EventHandler {
    private final OutboundMail outbox;
    private final UserDirectory users;

    @Activate
    public ApprovalMail(@Reference OutboundMail outbox, @Reference UserDirectory users) {
        this.outbox = outbox;
        this.users = users;
    }

    @Override
    public void handleEvent(Event event) {
        String number = String.valueOf(event.getProperty(CommerceEvents.NUMBER));
        String amount = event.getProperty(CommerceEvents.AMOUNT) + " " + event.getProperty(CommerceEvents.CURRENCY);
        Object comment = event.getProperty(CommerceEvents.REASON);
        String subject;
        String text;
        String to;
        if (CommerceEvents.QUOTE_SUBMITTED.equals(event.getTopic())) {
            to = (String) event.getProperty(CommerceEvents.APPROVER_ID);
            subject = "待审批 Approval requested: 报价单 quote " + number + " (" + amount + ")";
            text = "报价单 " + number + "（" + amount + "）等待您的审批。\n\nQuote " + number + " (" + amount + ") waits for your approval.\n";
        } else {
            boolean approved = CommerceEvents.QUOTE_APPROVED.equals(event.getTopic());
            to = (String) event.getProperty(CommerceEvents.OWNER_ID);
            if (to != null && to.equals(event.getProperty(DomainEvents.USER_ID))) {
                return; // approved at once, by no one else: nothing to tell the owner
            }
            subject = (approved ? "已批准 Approved: " : "已驳回 Rejected: ") + "报价单 quote " + number;
            text = "报价单 " + number + (approved ? " 已批准" : " 已驳回") + (comment == null ? "" : "：" + comment) + "\n\nQuote " + number
                    + (approved ? " was approved" : " was rejected") + (comment == null ? "." : ": " + comment) + "\n";
        }
        Optional<String> address = to == null ? Optional.empty() : users.emailOf(to);
        address.ifPresent(a -> outbox.queue(new OutboundMail.Message(List.of(a), subject, text, null,
                (String) event.getProperty(CommerceEvents.ACCOUNT_ID), List.of()), Caller.SYSTEM));
    }
}

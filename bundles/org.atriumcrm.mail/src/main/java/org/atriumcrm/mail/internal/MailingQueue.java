package org.atriumcrm.mail.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Template mail into the company outbox: the email, its outbox entry (due now or later: a scheduled email) and its
 * tracking row are written in the caller's transaction, so a mass-mailing batch and its recipients' states commit
 * together or not at all. The outbox entry is the one {@link EmailStore} writes for a plain send.
 */
final class MailingQueue {

    /** What to send to whom; {@code massMailingId}/{@code recipientId} are null outside a mass mailing. */
    record Outgoing(String to, TemplateRenderer.Rendered content, String contactId, String accountId, String leadId, String token,
            String massMailingId, String recipientId, String ownerId) {
    }

    private MailingQueue() {
    }

    static Email enqueue(EntityManager em, Outgoing o, String from, Instant due, Caller caller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Email email = new Email();
        email.setOwnerId(o.ownerId());
        email.initialise(RecordIds.next(), now, caller);
        email.setDirection(Email.OUTBOUND);
        email.setStatus(Email.QUEUED);
        email.setFromAddress(from);
        email.setToAddresses(o.to());
        email.setSubject(o.content().subject());
        email.setTextBody(o.content().text());
        email.setHtmlBody(o.content().html());
        email.setContactId(o.contactId());
        email.setAccountId(o.accountId());
        email.setLeadId(o.leadId());
        email.beforeSave();
        em.persist(email);
        EmailLink.persistFor(em, email);
        MailOutboxEntry entry = new MailOutboxEntry();
        entry.queue(RecordIds.next(), email.getOwnerId(), now, due, caller);
        entry.setEmailId(email.getId());
        em.persist(entry);
        EmailTracking tracking = new EmailTracking();
        tracking.initialise(RecordIds.next(), now, caller);
        tracking.setOwnerId(email.getOwnerId());
        tracking.setEmailId(email.getId());
        tracking.setToken(o.token());
        tracking.setMassMailingId(o.massMailingId());
        tracking.setRecipientId(o.recipientId());
        tracking.setContactId(o.contactId());
        tracking.setLeadId(o.leadId());
        em.persist(tracking);
        return email;
    }

    /** After commit: the emails exist for everyone listening to {@code atrium/Email/CREATED}. */
    static void postCreated(EventAdmin events, List<String> emailIds, Caller caller) {
        if (events == null) {
            return;
        }
        for (String id : emailIds) {
            events.postEvent(new Event(DomainEvents.topic("Email", DomainEvents.Action.CREATED),
                    Map.of(DomainEvents.ENTITY, "Email", DomainEvents.ID, id, DomainEvents.USER_ID, caller.userId())));
        }
    }

    /**
     * A template rendered for one recipient: {{unsubscribeUrl}} is the recipient's own link, and a mass-mail body
     * that does not place it gets a footer with it (every mass-mail message must let its reader unsubscribe).
     */
    static TemplateRenderer.Rendered render(TemplateRenderer.Compiled template, MailRecords.Target target, String token,
            TrackingLinks links, String language, boolean massMail) {
        Map<String, Object> scope = new java.util.HashMap<>(target.scope());
        String url = links.enabled() ? links.unsubscribeUrl(token) : "";
        scope.put(MergeFields.UNSUBSCRIBE_URL, url);
        TemplateRenderer.Rendered r = template.render(scope);
        if (!massMail || url.isEmpty()) {
            return r;
        }
        String text = r.text() == null || r.text().contains(url) ? r.text() : r.text() + TrackingLinks.footerText(language, url);
        String html = r.html() == null || r.html().contains(url.replace("&", "&amp;")) ? r.html()
                : TrackingLinks.beforeBodyEnd(r.html(), TrackingLinks.footerHtml(language, url));
        if (text == null && html == null) {
            text = TrackingLinks.footerText(language, url).strip();
        }
        return new TemplateRenderer.Rendered(r.subject(), text, html);
    }
}

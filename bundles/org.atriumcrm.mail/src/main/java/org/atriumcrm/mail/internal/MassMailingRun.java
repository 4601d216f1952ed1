package org.atriumcrm.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of the mass-mailing job, without threads: a batch renders the template for its pending recipients as
 * the sender (their caller's view: what the sender may not see is not mailed, and hidden fields render empty),
 * then hands the outcomes to {@link MassMailingStore#applyBatch} to commit at once.
 */
final class MassMailingRun {
    private static final Logger LOG = LoggerFactory.getLogger(MassMailingRun.class);

    private final MassMailingStore mailings;
    private final EmailTemplateStore templates;
    private final MailRecords records;
    private final Supplier<TrackingLinks> links;
    private final Supplier<String> from;
    private final int batch;

    MassMailingRun(MassMailingStore mailings, EmailTemplateStore templates, MailRecords records, Supplier<TrackingLinks> links,
            Supplier<String> from, int batch) {
        this.mailings = mailings;
        this.templates = templates;
        this.records = records;
        this.links = links;
        this.from = from;
        this.batch = batch;
    }

    /** Batches of every mailing being queued until {@code deadlineNanos}, then the delivery state of those being sent. */
    void pass(long deadlineNanos) {
        for (String id : mailings.withStatus(MassMailing.QUEUING)) {
            while (System.nanoTime() < deadlineNanos && step(id) > 0) {
                // one batch per transaction
            }
        }
        for (String id : mailings.withStatus(MassMailing.SENDING)) {
            mailings.reconcile(id);
        }
    }

    /** One batch of one mailing; the number of recipients it settled (0 = nothing was pending). */
    int step(String mailingId) {
        MassMailing m = mailings.get(mailingId);
        if (m == null || !MassMailing.QUEUING.equals(m.getStatus())) {
            return 0;
        }
        List<MassMailingRecipient> pending = mailings.pending(mailingId, batch);
        if (pending.isEmpty()) {
            mailings.applyBatch(mailingId, List.of(), from.get(), Caller.SYSTEM); // nothing left: the recount moves it on
            return 0;
        }
        Caller sender = new Caller(m.getCreatedBy(), m.getSenderLogin(), Boolean.TRUE.equals(m.getSenderAdministrator()));
        EmailTemplate template = templates.find(m.getTemplateId()).orElse(null);
        TemplateRenderer.Compiled compiled = template == null ? null : TemplateRenderer.compile(template);
        TrackingLinks tracking = links.get();
        List<MassMailingStore.Outcome> outcomes = new ArrayList<>();
        for (MassMailingRecipient r : pending) {
            outcomes.add(outcome(m, r, template, compiled, tracking, sender));
        }
        mailings.applyBatch(mailingId, outcomes, from.get(), sender);
        return pending.size();
    }

    private MassMailingStore.Outcome outcome(MassMailing m, MassMailingRecipient r, EmailTemplate template,
            TemplateRenderer.Compiled compiled, TrackingLinks tracking, Caller sender) {
        if (template == null) {
            return failed(r, "the template was deleted");
        }
        String entity = r.getContactId() != null ? MailingTypes.CONTACT : MailingTypes.LEAD;
        String id = r.getContactId() != null ? r.getContactId() : r.getLeadId();
        try {
            MailRecords.Target target = records.target(entity, id, template.getLanguage(), sender);
            if (target.optedOut()) {
                return new MassMailingStore.Outcome(r.getId(), MassMailingRecipient.SKIPPED_OPT_OUT, "does not want email", null, null);
            }
            String address = valid(target.address());
            if (address == null) {
                return new MassMailingStore.Outcome(r.getId(), MassMailingRecipient.SKIPPED_NO_ADDRESS,
                        target.address() == null ? "no email address" : "not an email address: " + target.address(), null, null);
            }
            String token = TrackingLinks.newToken();
            TemplateRenderer.Rendered content = MailingQueue.render(compiled, target, token, tracking, template.getLanguage(), true);
            return new MassMailingStore.Outcome(r.getId(), MassMailingRecipient.QUEUED, null, address, new MailingQueue.Outgoing(address,
                    content, target.contactId(), target.accountId(), target.leadId(), token, m.getId(), r.getId(), m.getOwnerId()));
        } catch (AtriumException e) {
            return failed(r, e.getMessage()); // not visible to the sender (any more), or its module is off
        } catch (RuntimeException e) {
            LOG.warn("mass mailing {}: recipient {} not rendered", m.getId(), r.getId(), e);
            return failed(r, "the template could not be rendered: " + e.getMessage());
        }
    }

    private static MassMailingStore.Outcome failed(MassMailingRecipient r, String reason) {
        return new MassMailingStore.Outcome(r.getId(), MassMailingRecipient.FAILED, reason, null, null);
    }

    static String valid(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            InternetAddress a = new InternetAddress(address.strip(), true);
            a.validate();
            return a.getAddress();
        } catch (AddressException e) {
            return null;
        }
    }
}

package org.atriumcrm.mail.internal;

import java.time.Instant;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.mail.api.AutomaticMail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** One template email for one record: the send action's {@code templateId}, the preview, and {@link AutomaticMail}. */
@Component(service = {TemplateMailer.class, AutomaticMail.class})
public class TemplateMailer implements AutomaticMail {
    private final EmailTemplateStore templates;
    private final MailRecords records;
    private final AccessPolicy access;
    private final TrackingConfig tracking;
    private final OutboxSettings outbox;

    @Activate
    public TemplateMailer(@Reference EmailTemplateStore templates, @Reference MailRecords records, @Reference AccessPolicy access,
            @Reference TrackingConfig tracking, @Reference OutboxSettings outbox,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.templates = templates;
        this.records = records;
        this.access = access;
        this.tracking = tracking;
        this.outbox = outbox;
    }

    /** The template as {@code caller} may see it: 404 otherwise, 409 when it is switched off. */
    EmailTemplate template(String templateId, Caller caller, String member) {
        EmailTemplate t = templateId == null ? null : access.secure(templates, caller).find(templateId).orElse(null);
        if (t == null) {
            throw AtriumException.invalid(member, "reference-not-found", "no EmailTemplate with id " + templateId, "EmailTemplate", templateId);
        }
        if (!Boolean.TRUE.equals(t.getActive())) {
            throw AtriumException.conflict("template-inactive", "email template " + t.getName() + " is not active")
                    .localized("template-inactive", t.getName());
        }
        return t;
    }

    /** Subject, text and HTML for a record, without sending: what the caller would send. */
    TemplateRenderer.Rendered preview(EmailTemplate t, String recordId, Caller caller) {
        MailRecords.Target target = records.target(t.getAppliesTo(), recordId, t.getLanguage(), caller);
        return MailingQueue.render(TemplateRenderer.compile(t), target, "preview-only-no-token", tracking.links(), t.getLanguage(), false);
    }

    Email send(EmailTemplate t, String recordId, Instant sendAt, Caller caller) {
        if (!access.access(caller, MailTypes.EMAIL).can(Right.CREATE)) {
            throw AtriumException.forbidden("your profiles do not allow you to send emails");
        }
        MailRecords.Target target = records.target(t.getAppliesTo(), recordId, t.getLanguage(), caller);
        if (target.optedOut()) {
            throw AtriumException.conflict("do-not-email", t.getAppliesTo() + " " + recordId + " asked not to be emailed")
                    .localized("do-not-email", t.getAppliesTo(), recordId);
        }
        String address = MassMailingRun.valid(target.address());
        if (address == null) {
            throw AtriumException.conflict("no-email-address", t.getAppliesTo() + " " + recordId + " has no email address you may see")
                    .localized("no-email-address", t.getAppliesTo(), recordId);
        }
        String token = TrackingLinks.newToken();
        TemplateRenderer.Rendered content = MailingQueue.render(TemplateRenderer.compile(t), target, token, tracking.links(), t.getLanguage(), false);
        MailingQueue.Outgoing outgoing = new MailingQueue.Outgoing(address, content, target.contactId(), target.accountId(), target.leadId(),
                token, null, null, caller.userId());
        return templates.enqueue(outgoing, outbox.fromAddress(), sendAt, caller);
    }

    @Override
    public String send(String templateId, String recordId, Caller caller) {
        return schedule(templateId, recordId, null, caller);
    }

    @Override
    public String schedule(String templateId, String recordId, Instant sendAt, Caller caller) {
        return send(template(templateId, caller, "templateId"), recordId, sendAt, caller).getId();
    }

    /**
     * The send action with {@code templateId}: {@code {"templateId", "contactId" | "leadId" | "accountId", "sendAt"?}}; the
     * record must be of the kind the template is for. Subject and bodies come from the template only.
     */
    com.fasterxml.jackson.databind.node.ObjectNode sendFromBody(com.fasterxml.jackson.databind.JsonNode body, Caller caller) {
        MailBodies b = new MailBodies(body, java.util.Set.of("templateId", "contactId", "leadId", "accountId", "sendAt"));
        String templateId = b.text("templateId", true);
        java.util.Map<String, String> records = new java.util.LinkedHashMap<>();
        for (String member : java.util.List.of("contactId", "leadId", "accountId")) {
            String id = b.text(member, false);
            if (id != null) {
                records.put(member, id);
            }
        }
        String at = b.text("sendAt", false);
        Instant sendAt = null;
        if (at != null) {
            try {
                sendAt = Instant.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                b.error("sendAt", "must be an ISO-8601 instant like 2026-11-22T08:00:00Z");
            }
        }
        if (records.size() != 1) {
            b.error("contactId", "name exactly one record to render the template for: contactId, leadId or accountId");
        }
        b.check();
        EmailTemplate t = template(templateId, caller, "templateId");
        String member = records.keySet().iterator().next();
        String expected = MergeFields.key(t.getAppliesTo()) + "Id";
        if (!member.equals(expected)) {
            throw AtriumException.invalidField(member, "template " + t.getName() + " is for " + t.getAppliesTo() + " records: use " + expected);
        }
        try {
            return org.atriumcrm.rest.api.RecordBodies.toJson(MailTypes.EMAIL, send(t, records.get(member), sendAt, caller));
        } catch (AtriumException e) {
            if (e.status() == 404) {
                throw AtriumException.invalidField(member, "no " + t.getAppliesTo() + " with id " + records.get(member));
            }
            throw e;
        }
    }
}

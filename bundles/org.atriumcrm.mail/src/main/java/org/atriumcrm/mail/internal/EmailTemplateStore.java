package org.atriumcrm.mail.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Email templates. A template is checked when it is saved (syntax, and every merge field against the metadata of
 * the records it applies to), so a typo is a 400 for its author rather than an empty gap in a thousand emails.
 */
@Component(service = {RecordStore.class, EmailTemplateStore.class}, property = RecordStore.ENTITY_PROPERTY + "=EmailTemplate")
public class EmailTemplateStore extends JpaRecordStore<EmailTemplate> {
    private final MailRecords records;
    private final EventAdmin events;

    @Activate
    public EmailTemplateStore(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference MailRecords records,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        super(MailingTypes.TEMPLATE, jpa, events, MailTypes.ALL);
        this.records = records;
        this.events = events;
    }

    @Override
    protected void beforeCreate(EntityManager em, EmailTemplate template, Caller caller) {
        check(template);
    }

    @Override
    protected void beforeUpdate(EntityManager em, EmailTemplate template, Set<String> changedFields, Caller caller) {
        check(template);
    }

    void check(EmailTemplate template) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (records.type(template.getAppliesTo()).isEmpty()) {
            errors.add(new FieldError("appliesTo", "the module of " + template.getAppliesTo() + " records is not enabled"));
        }
        if (template.getTextBody() == null && template.getHtmlBody() == null) {
            errors.add(new FieldError("textBody", "a template needs a text body, an HTML body or both"));
        }
        errors.addAll(TemplateRenderer.check(template, MergeFields.known(template.getAppliesTo(), records::type)));
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
    }

    /** One email from a template: the email, its outbox entry and its tracking row in one transaction. */
    Email enqueue(MailingQueue.Outgoing outgoing, String from, Instant due, Caller caller) {
        Email email = tx(em -> MailingQueue.enqueue(em, outgoing, from, due, caller));
        MailingQueue.postCreated(events, List.of(email.getId()), caller);
        return email;
    }
}

package org.atriumcrm.mail.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/mass-mailings/start} {@code {"name", "templateId", "contactIds" | "leadIds", "campaignId"?}}: the
 * mailing and its pending recipients in one transaction; {@link MassMailingJob} queues them in batches.
 */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=MassMailing", RecordAction.ACTION_PROPERTY + "=start",
    RecordAction.SCOPE_PROPERTY + "=" + RecordAction.COLLECTION_SCOPE,
    RecordAction.SUMMARY_PROPERTY + "=Start a mass mailing: name, templateId, contactIds or leadIds (up to 10000), campaignId; opt-outs are skipped"})
public class StartMassMailingAction implements RecordAction {
    private final MassMailingStore mailings;
    private final TemplateMailer mailer;
    private final AccessPolicy access;
    private final TrackingConfig tracking;

    @Activate
    public StartMassMailingAction(@Reference MassMailingStore mailings, @Reference TemplateMailer mailer, @Reference AccessPolicy access,
            @Reference TrackingConfig tracking,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.mailings = mailings;
        this.mailer = mailer;
        this.access = access;
        this.tracking = tracking;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.json("""
                {"type": "object", "additionalProperties": false, "required": ["name", "templateId"],
                 "properties": {"name": {"type": "string", "maxLength": 200},
                   "templateId": {"type": "string", "description": "the email template to send"},
                   "contactIds": {"type": "array", "items": {"type": "string"}},
                   "leadIds": {"type": "array", "items": {"type": "string"},
                     "description": "contactIds and leadIds: at least one recipient, at most 10000 in all"},
                   "campaignId": {"type": "string"}}}""", """
                {"$ref": "#/components/schemas/MassMailing"}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        if (!access.access(caller, MailingTypes.MASS_MAILING).can(Right.CREATE) || !access.access(caller, MailTypes.EMAIL).can(Right.CREATE)) {
            throw AtriumException.forbidden("your profiles do not allow you to send mass mailings");
        }
        MailBodies b = new MailBodies(body, Set.of("name", "templateId", "contactIds", "leadIds", "campaignId"));
        String name = b.text("name", true);
        String templateId = b.text("templateId", true);
        String campaignId = b.text("campaignId", false);
        List<String> contactIds = b.ids("contactIds");
        List<String> leadIds = b.ids("leadIds");
        if (name != null && name.length() > 200) {
            b.error("name", "is longer than 200 characters");
        }
        int total = contactIds.size() + leadIds.size();
        if (total == 0) {
            b.error("contactIds", "name at least one recipient (contactIds or leadIds)");
        } else if (total > MassMailingStore.MAX_RECIPIENTS) {
            b.error("contactIds", "a mass mailing has at most " + MassMailingStore.MAX_RECIPIENTS + " recipients, not " + total);
        }
        b.check();
        EmailTemplate template = mailer.template(templateId, caller, "templateId");
        if (!contactIds.isEmpty() && !MailingTypes.CONTACT.equals(template.getAppliesTo())
                || !leadIds.isEmpty() && !MailingTypes.LEAD.equals(template.getAppliesTo())) {
            throw AtriumException.invalidField("templateId", "template " + template.getName() + " is for " + template.getAppliesTo()
                    + " records; send contacts with a Contact template and leads with a Lead template");
        }
        if (!tracking.links().enabled()) {
            throw AtriumException.conflict("no-public-base-url", "mass mail must carry an unsubscribe link: set publicBaseUrl in"
                    + " etc/org.atriumcrm.mail.cfg first");
        }
        return RecordBodies.toJson(MailingTypes.MASS_MAILING, mailings.start(name, template, contactIds, leadIds, campaignId, caller));
    }
}

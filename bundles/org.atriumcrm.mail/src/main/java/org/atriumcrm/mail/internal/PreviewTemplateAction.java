package org.atriumcrm.mail.internal;

import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/email-templates/{id}/preview} {@code {"recordId"}}: the template rendered for a record as the caller sees it. */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=EmailTemplate", RecordAction.ACTION_PROPERTY + "=preview",
    RecordAction.SUMMARY_PROPERTY + "=Render a template for one contact, lead or account (recordId) without sending: subject, text, html"})
public class PreviewTemplateAction implements RecordAction {
    private final TemplateMailer mailer;

    @Activate
    public PreviewTemplateAction(@Reference TemplateMailer mailer,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.mailer = mailer;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.json("""
                {"type": "object", "additionalProperties": false, "required": ["recordId"],
                 "properties": {"recordId": {"type": "string", "description": "the contact, lead or account to render it for"}}}""", """
                {"type": "object", "additionalProperties": false, "required": ["subject"],
                 "properties": {"subject": {"type": "string"}, "text": {"type": "string", "nullable": true},
                   "html": {"type": "string", "nullable": true}}}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        EmailTemplate template = (EmailTemplate) records.find(id).orElseThrow(() -> AtriumException.notFound("no EmailTemplate with id " + id).localized("record-not-found", "EmailTemplate", id));
        MailBodies b = new MailBodies(body, Set.of("recordId"));
        String recordId = b.text("recordId", true);
        b.check();
        TemplateRenderer.Rendered r;
        try {
            r = mailer.preview(template, recordId, caller);
        } catch (AtriumException e) {
            if (e.status() == 404) {
                throw AtriumException.invalidField("recordId", "no " + template.getAppliesTo() + " with id " + recordId);
            }
            throw e;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("subject", r.subject());
        json.put("text", r.text());
        json.put("html", r.html());
        return json;
    }
}

package org.atriumcrm.mail.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/emails/send} {@code {"to": [addresses], "cc": [...], "contactId", "accountId", "leadId",
 * "subject", "text", "html", "inReplyTo"}}: validates everything, then writes the email and its outbox entry in one
 * transaction and answers 202-like with the queued email; the outbox route delivers it. A contact given by id adds
 * its address (refused when it is marked do-not-email) and links the email to it and its account.
 */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Email", RecordAction.ACTION_PROPERTY + "=send",
    RecordAction.SCOPE_PROPERTY + "=" + RecordAction.COLLECTION_SCOPE,
    RecordAction.SUMMARY_PROPERTY + "=Send an email through the company outbox: to, cc, contactId, accountId, leadId, subject, text, html, inReplyTo;"
        + " or templateId with contactId/leadId/accountId and optional sendAt (a rendered, tracked template email)"})
public class SendEmailAction implements RecordAction {
    private static final Set<String> MEMBERS = Set.of("to", "cc", "contactId", "accountId", "leadId", "subject", "text", "html", "inReplyTo");

    private final EmailStore emails;
    private final AccessPolicy access;
    private final OutboxSettings settings;
    private volatile RecordStore<?> contacts;
    @Reference
    private TemplateMailer templateMailer;

    @Activate
    public SendEmailAction(@Reference EmailStore emails, @Reference AccessPolicy access, @Reference OutboxSettings settings,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.emails = emails;
        this.access = access;
        this.settings = settings;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + RecordStore.ENTITY_PROPERTY + "=Contact)")
    void setContacts(RecordStore<?> store) {
        contacts = store;
    }

    void unsetContacts(RecordStore<?> store) {
        if (contacts == store) {
            contacts = null;
        }
    }

    /** Either a message (to/cc, subject, text/html) or a template for a record (templateId, sendAt); the queued email. */
    @Override
    public org.atriumcrm.rest.api.OperationSchema actionSchema() {
        com.fasterxml.jackson.databind.node.ObjectNode request = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode().put("type", "object").put("additionalProperties", false);
        com.fasterxml.jackson.databind.node.ObjectNode p = request.putObject("properties");
        for (String list : new String[] {"to", "cc"}) {
            p.putObject(list).put("type", "array").put("description", "email addresses").putObject("items").put("type", "string");
        }
        for (String ref : new String[] {"contactId", "accountId", "leadId", "templateId"}) {
            p.putObject(ref).put("type", "string").put("format", "uuid");
        }
        for (String text : new String[] {"subject", "text", "html", "inReplyTo"}) {
            p.putObject(text).put("type", "string");
        }
        p.putObject("sendAt").put("type", "string").put("format", "date-time").put("description", "with templateId: when to send");
        return org.atriumcrm.rest.api.OperationSchema.of(request,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/Email"));
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        if (body != null && body.has("templateId")) {
            return templateMailer.sendFromBody(body, caller); // a template email: TemplateMailer reads its own body
        }
        if (!access.access(caller, MailTypes.EMAIL).can(Right.CREATE)) {
            throw AtriumException.forbidden("your profiles do not allow you to send emails");
        }
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object " + new java.util.TreeSet<>(MEMBERS));
        }
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (!MEMBERS.contains(n)) {
                errors.add(new FieldError(n, "is not a member of an email to send; use " + new java.util.TreeSet<>(MEMBERS)));
            }
        });
        Set<String> to = addresses(body, "to", errors);
        Set<String> cc = addresses(body, "cc", errors);
        String contactId = text(body, "contactId", errors);
        String accountId = text(body, "accountId", errors);
        if (contactId != null) {
            RecordStore<?> c = contacts;
            Record contact = c == null ? null : access.secure(c, caller).find(contactId).orElse(null);
            if (contact == null) {
                errors.add(FieldError.of("contactId", "reference-not-found", "no Contact with id " + contactId, "Contact", contactId));
            } else {
                Object email = c.type().field("email").map(f -> ((org.atriumcrm.api.meta.FieldDef<Record>) (Object) f).get(contact)).orElse(null);
                Object optOut = c.type().field("doNotEmail").map(f -> ((org.atriumcrm.api.meta.FieldDef<Record>) (Object) f).get(contact)).orElse(null);
                if (Boolean.TRUE.equals(optOut)) {
                    throw AtriumException.conflict("do-not-email", "contact " + contactId + " asked not to be emailed")
                            .localized("do-not-email", "Contact", contactId);
                }
                if (email == null) {
                    errors.add(new FieldError("contactId", "contact " + contactId + " has no email address"));
                } else {
                    to.add(email.toString());
                }
                if (accountId == null) {
                    accountId = c.type().field("accountId").map(f -> (String) ((org.atriumcrm.api.meta.FieldDef<Record>) (Object) f).get(contact))
                            .orElse(null);
                }
            }
        }
        if (to.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("to"))) {
            errors.add(new FieldError("to", "name at least one recipient (addresses or contactId)"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        com.fasterxml.jackson.databind.node.ObjectNode email = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        email.put("toAddresses", String.join(", ", to));
        if (!cc.isEmpty()) {
            email.put("ccAddresses", String.join(", ", cc));
        }
        copy(body, "subject", email, "subject");
        copy(body, "text", email, "textBody");
        copy(body, "html", email, "htmlBody");
        copy(body, "inReplyTo", email, "inReplyTo");
        copy(body, "leadId", email, "leadId");
        if (contactId != null) {
            email.put("contactId", contactId);
        }
        if (accountId != null) {
            email.put("accountId", accountId);
        }
        Map<String, Object> values = RecordBodies.forCreate(access.secure(emails, caller).type(), email);
        Email queued = emails.queue(values, settings.fromAddress(), caller);
        return RecordBodies.toJson(MailTypes.EMAIL, queued);
    }

    private static Set<String> addresses(JsonNode body, String member, List<FieldError> errors) {
        Set<String> all = new LinkedHashSet<>();
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return all;
        }
        if (!node.isArray()) {
            errors.add(new FieldError(member, "must be an array of email addresses"));
            return all;
        }
        for (JsonNode a : node) {
            try {
                InternetAddress address = new InternetAddress(a.asText(), true);
                address.validate();
                all.add(address.toString());
            } catch (AddressException e) {
                errors.add(new FieldError(member, a.asText() + " is not an email address"));
            }
        }
        return all;
    }

    private static String text(JsonNode body, String member, List<FieldError> errors) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(member, "must be a string"));
            return null;
        }
        return v.textValue();
    }

    private static void copy(JsonNode from, String member, com.fasterxml.jackson.databind.node.ObjectNode to, String field) {
        if (from.hasNonNull(member)) {
            to.set(field, from.get(member));
        }
    }
}

package org.atriumcrm.printing.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.DocumentSource;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/<plural>/{id}/send-document} {@code {"to": [...], "subject", "text", "locale"}}: the record printed
 * and queued as an email with the PDF attached in the company outbox (409 {@code mail-unavailable} without the mail
 * module); 202 with the email's id, as the outbox delivers later. The copy sent is kept with the record.
 */
final class SendDocumentAction implements RecordAction {
    static final String NAME = "send-document";
    static final String SUMMARY = "Print the record and email it with the PDF attached through the company outbox: to (addresses),"
            + " subject (default: the document's title and number), text, locale (zh-CN or en); 202 with the queued email's id,"
            + " 409 mail-unavailable when the mail module is off; the copy sent is stored with the record";
    private static final Set<String> MEMBERS = Set.of("to", "subject", "text", "locale");
    private static final int MAX_RECIPIENTS = 50;

    private final RecordPrinting printing;
    private final DocumentSource source;

    SendDocumentAction(RecordPrinting printing, DocumentSource source) {
        this.printing = printing;
        this.source = source;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.json("""
                {"type": "object", "additionalProperties": false, "required": ["to"], "properties": {
                  "to": {"type": "array", "minItems": 1, "maxItems": 50, "items": {"type": "string", "format": "email"}},
                  "subject": {"type": "string", "maxLength": 500},
                  "text": {"type": "string", "maxLength": 100000},
                  "locale": {"type": "string", "maxLength": 35, "example": "zh-CN"}}}""", """
                {"x-atrium-status": "202", "type": "object", "required": ["emailId", "document"], "properties": {
                  "status": {"type": "string", "enum": ["queued"]},
                  "emailId": {"type": "string"},
                  "document": %s}}""".formatted(PrintedDocumentJson.SCHEMA)).withParameters(PrintAction.LOCALE_PARAMETER);
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        return perform(records, id, body, Map.of(), caller);
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Map<String, List<String>> parameters, Caller caller) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("send a JSON object: {\"to\": [\"name@example.cn\"], \"subject\": ..., \"text\": ..., \"locale\": ...}");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                errors.add(new FieldError(name, "is not a member of a send-document request (to, subject, text, locale)"));
            }
        }
        List<String> to = new ArrayList<>();
        JsonNode recipients = body.get("to");
        if (recipients == null || !recipients.isArray() || recipients.isEmpty()) {
            errors.add(new FieldError("to", "is required: an array of at least one email address"));
        } else if (recipients.size() > MAX_RECIPIENTS) {
            errors.add(new FieldError("to", "may have at most " + MAX_RECIPIENTS + " addresses"));
        } else {
            for (JsonNode r : recipients) {
                if (!r.isTextual() || r.asText().isBlank()) {
                    errors.add(new FieldError("to", "holds email addresses as strings, not " + r));
                } else {
                    to.add(r.asText().strip());
                }
            }
        }
        String subject = text(body, "subject", 500, errors);
        String text = text(body, "text", 100_000, errors);
        String bodyLocale = text(body, "locale", 35, errors);
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        String locale = bodyLocale != null ? PrintAction.checkLocale(bodyLocale) : PrintAction.locale(parameters);
        PrintAction.visible(records, id);
        PrintedDocument sent = printing.send(source, id, locale, to, subject, text, caller);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("status", "queued");
        answer.put("emailId", sent.getEmailId());
        answer.put("document", PrintedDocumentJson.of(sent));
        return Response.accepted(answer).type(MediaType.APPLICATION_JSON_TYPE).header("Content-Location", PrintedDocumentJson.href(sent)).build();
    }

    private static String text(JsonNode body, String name, int max, List<FieldError> errors) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        if (v.asText().length() > max) {
            errors.add(new FieldError(name, "may have at most " + max + " characters"));
            return null;
        }
        return v.asText().isBlank() ? null : v.asText();
    }
}

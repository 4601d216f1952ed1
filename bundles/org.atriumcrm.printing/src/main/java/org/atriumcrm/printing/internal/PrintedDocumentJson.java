package org.atriumcrm.printing.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A printed document as the API shows it, and its schema for the OpenAPI document. */
final class PrintedDocumentJson {
    static final String SCHEMA = """
            {"type": "object", "required": ["id", "entity", "recordId", "kind", "locale", "fileName", "mediaType", "size", "sha256", "purpose", "printedAt", "href"],
             "properties": {
              "id": {"type": "string"},
              "entity": {"type": "string", "description": "the entity name of the record, e.g. Quote"},
              "recordId": {"type": "string"},
              "kind": {"type": "string", "enum": ["quote", "contract", "sales_order", "delivery_note", "invoice", "purchase_order"]},
              "locale": {"type": "string", "enum": ["zh-CN", "en"], "description": "the language of the template it was printed with"},
              "number": {"type": "string", "nullable": true},
              "fileName": {"type": "string"},
              "mediaType": {"type": "string", "enum": ["application/pdf"]},
              "size": {"type": "integer", "format": "int64"},
              "sha256": {"type": "string", "description": "the SHA-256 of the bytes as hex; also the download's ETag"},
              "purpose": {"type": "string", "enum": ["print", "email"]},
              "emailId": {"type": "string", "nullable": true, "description": "the email it was sent with (purpose email)"},
              "recipients": {"type": "array", "items": {"type": "string"}},
              "printedBy": {"type": "string", "nullable": true},
              "printedAt": {"type": "string", "format": "date-time"},
              "href": {"type": "string", "description": "where its PDF downloads: /api/v1/printed-documents/{id}/pdf"}}}""";

    private PrintedDocumentJson() {
    }

    static String href(PrintedDocument d) {
        return "/api/v1/printed-documents/" + d.getId() + "/pdf";
    }

    static Map<String, Object> of(PrintedDocument d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.getId());
        json.put("entity", d.getEntityName());
        json.put("recordId", d.getRecordId());
        json.put("kind", d.getKind());
        json.put("locale", d.getLocale());
        json.put("number", d.getNumber());
        json.put("fileName", d.getFileName());
        json.put("mediaType", "application/pdf");
        json.put("size", d.getSizeBytes());
        json.put("sha256", d.getSha256());
        json.put("purpose", d.getPurpose());
        json.put("emailId", d.getEmailId());
        json.put("recipients", d.getRecipients() == null ? List.of() : Arrays.stream(d.getRecipients().split(",\\s*")).toList());
        json.put("printedBy", d.getPrintedBy());
        json.put("printedAt", d.getPrintedAt() == null ? null : d.getPrintedAt().toString());
        json.put("href", href(d));
        return json;
    }
}

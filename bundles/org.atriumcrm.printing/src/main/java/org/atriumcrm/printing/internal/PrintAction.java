package org.atriumcrm.printing.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.DocumentSource;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/<plural>/{id}/print?locale=zh-CN} {@code {}}: the record as a PDF with the default template of its
 * kind in that language (any other locale, or none, prints the English one), kept with the record.
 */
final class PrintAction implements RecordAction {
    static final String NAME = "print";
    static final String SUMMARY = "Print the record with the default template of its document kind (query locale: zh-CN or en, other"
            + " or none: en) as application/pdf; the PDF is stored with the record (GET …/{id}/documents) and the answer's"
            + " Content-Location names the stored copy";
    static final String LOCALE_PARAMETER = """
            [{"name": "locale", "in": "query", "required": false, "description": "zh-CN prints the Chinese template; anything else, or none, the English one",
              "schema": {"type": "string", "maxLength": 35, "example": "zh-CN"}}]""";

    private final RecordPrinting printing;
    private final DocumentSource source;

    PrintAction(RecordPrinting printing, DocumentSource source) {
        this.printing = printing;
        this.source = source;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.noParameters(RecordAction.PDF_ANSWER).withParameters(LOCALE_PARAMETER);
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        return perform(records, id, body, Map.of(), caller);
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Map<String, List<String>> parameters, Caller caller) {
        if (body != null && body.isObject() && body.size() > 0) {
            throw AtriumException.invalidField(body.fieldNames().next(), "printing takes no body members: send {} (the language is ?locale=)");
        }
        String locale = locale(parameters);
        visible(records, id);
        RecordPrinting.Printed printed = printing.print(source, id, locale, caller);
        return Response.ok(printed.pdf(), "application/pdf")
                .header("Content-Disposition", disposition("inline", printed.document().getFileName()))
                .header("Content-Location", PrintedDocumentJson.href(printed.document()))
                .header("X-Atrium-Document-Id", printed.document().getId()).build();
    }

    /** The {@code locale} query parameter: one, short, letters digits and dashes (a BCP 47 tag); absent is null. */
    static String locale(Map<String, List<String>> parameters) {
        List<String> values = parameters == null ? null : parameters.get("locale");
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw AtriumException.invalidField("locale", "give one locale, not " + values.size());
        }
        return checkLocale(values.get(0));
    }

    static String checkLocale(String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        if (!locale.strip().matches("[A-Za-z0-9_-]{1,35}")) {
            throw AtriumException.invalidField("locale", "'" + locale + "' is not a language tag such as zh-CN or en");
        }
        return locale.strip();
    }

    /** The platform's 404 for a record the caller cannot see, before anything is rendered. */
    static void visible(RecordStore<?> records, String id) {
        if (records.find(id).isEmpty()) {
            throw AtriumException.notFound("no " + records.type().name() + " with id " + id);
        }
    }

    /** A Content-Disposition whose Chinese file name survives: an ASCII fallback plus RFC 6266's UTF-8 {@code filename*}. */
    static String disposition(String type, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[_-]+", "");
        String encoded = java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return type + "; filename=\"" + (ascii.isEmpty() || ascii.equals(".pdf") ? "document.pdf" : ascii) + "\"; filename*=UTF-8''" + encoded;
    }
}

package org.atriumcrm.printing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordView;

/**
 * {@code GET /api/v1/<plural>/{id}/documents?offset=&limit=}: the PDFs printed or emailed from the record, newest first,
 * each with its download link. The platform has checked that the caller may see the record.
 */
final class PrintedDocumentsView implements RecordView {
    static final String NAME = "documents";
    static final String SUMMARY = "The documents printed or emailed from the record, newest first (offset, limit), each with the link"
            + " its PDF downloads from";

    private final PrintedDocumentStore documents;

    PrintedDocumentsView(PrintedDocumentStore documents) {
        this.documents = documents;
    }

    @Override
    public OperationSchema recordViewSchema() {
        return OperationSchema.json(null, """
                {"type": "object", "required": ["items", "total", "offset", "limit"], "properties": {
                  "items": {"type": "array", "items": %s},
                  "total": {"type": "integer", "format": "int64"},
                  "offset": {"type": "integer"},
                  "limit": {"type": "integer"}}}""".formatted(PrintedDocumentJson.SCHEMA)).withParameters("""
                [{"name": "offset", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0, "default": 0}},
                 {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}}]""");
    }

    @Override
    public Object view(RecordStore<?> records, Record record, Map<String, List<String>> parameters, Caller caller) {
        int offset = number(parameters, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = number(parameters, "limit", 50, 1, 500);
        String entity = records.type().name();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", documents.list(entity, record.getId(), offset, limit).stream().map(PrintedDocumentJson::of).toList());
        json.put("total", documents.count(entity, record.getId()));
        json.put("offset", offset);
        json.put("limit", limit);
        return json;
    }

    private static int number(Map<String, List<String>> parameters, String name, int dflt, int min, int max) {
        List<String> v = parameters.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get(0).strip());
            if (n < min || n > max) {
                throw org.atriumcrm.api.error.AtriumException.invalidField(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw org.atriumcrm.api.error.AtriumException.invalidField(name, "'" + v.get(0) + "' is not a whole number");
        }
    }
}

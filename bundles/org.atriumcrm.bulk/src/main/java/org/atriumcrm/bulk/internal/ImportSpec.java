package org.atriumcrm.bulk.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.rest.api.RecordBodies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How the columns of a file become fields of records: column → field, default values for empty cells,
 * picklist value mapping (file text → stored value), and what to do with rows that match an existing record.
 * Validated against the metadata as the importing user sees it, before any row is read.
 */
record ImportSpec(Map<String, String> columns, ObjectNode defaults, Map<String, Map<String, String>> values,
        String duplicateAction, List<String> matchOn, String ownerId) {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SKIP = "skip";
    static final String UPDATE = "update";
    static final String CREATE = "create";
    static final Set<String> MAPPING_MEMBERS = Set.of("columns", "defaults", "values", "duplicates");

    /** The mapping part of a request or a saved mapping: {columns, defaults, values, duplicates}. */
    static ImportSpec parse(JsonNode body, EntityType<?> type, List<String> header, String ownerId) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> columns = new LinkedHashMap<>();
        JsonNode cols = body.get("columns");
        if (cols == null || cols.isNull()) {
            columns.putAll(suggest(type, header));
        } else if (!cols.isObject()) {
            errors.add(new FieldError("columns", "must be an object: {\"column heading\": \"field name\" or null to skip}"));
        } else {
            cols.fields().forEachRemaining(e -> {
                if (!header.contains(e.getKey())) {
                    errors.add(new FieldError("columns." + e.getKey(), "is not a column of the file; its columns are " + header));
                } else if (!e.getValue().isNull()) {
                    if (!e.getValue().isTextual()) {
                        errors.add(new FieldError("columns." + e.getKey(), "must be a field name or null"));
                    } else {
                        columns.put(e.getKey(), e.getValue().textValue());
                    }
                }
            });
        }
        Map<String, String> fieldToColumn = new LinkedHashMap<>();
        columns.forEach((column, field) -> {
            String problem = writable(type, field);
            if (problem != null) {
                errors.add(new FieldError("columns." + column, problem));
            } else if (fieldToColumn.put(field, column) != null) {
                errors.add(new FieldError("columns." + column, "maps to " + field + ", as column " + fieldToColumn.get(field)
                        + " does; one column per field"));
            }
        });
        ObjectNode defaults = JSON.createObjectNode();
        JsonNode defs = body.get("defaults");
        if (defs != null && !defs.isNull()) {
            if (!defs.isObject()) {
                errors.add(new FieldError("defaults", "must be an object: {\"field\": value}"));
            } else {
                defaults = (ObjectNode) defs.deepCopy();
                defaults.fieldNames().forEachRemaining(f -> {
                    String problem = writable(type, f);
                    if (problem != null) {
                        errors.add(new FieldError("defaults." + f, problem));
                    }
                });
                if (errors.isEmpty()) {
                    try {
                        RecordBodies.forPatch(type, defaults.deepCopy().without("ownerId"));
                    } catch (AtriumException e) {
                        e.errors().forEach(fe -> errors.add(new FieldError("defaults." + fe.field(), fe.message())));
                    }
                }
            }
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        JsonNode vals = body.get("values");
        if (vals != null && !vals.isNull()) {
            if (!vals.isObject()) {
                errors.add(new FieldError("values", "must be an object: {\"field\": {\"text in the file\": \"picklist value\"}}"));
            } else {
                vals.fields().forEachRemaining(e -> {
                    FieldDef<?> f = type.field(e.getKey()).orElse(null);
                    if (f == null || f.type() != FieldType.PICKLIST) {
                        errors.add(new FieldError("values." + e.getKey(), "is not a picklist field of " + type.name()));
                    } else if (!e.getValue().isObject()) {
                        errors.add(new FieldError("values." + e.getKey(), "must be an object: {\"text in the file\": \"picklist value\"}"));
                    } else {
                        Map<String, String> map = new LinkedHashMap<>();
                        e.getValue().fields().forEachRemaining(v -> {
                            if (!v.getValue().isTextual() || !f.allowsPicklistValue(v.getValue().textValue())) {
                                errors.add(new FieldError("values." + e.getKey() + "." + v.getKey(), "must be one of "
                                        + f.picklist().stream().map(PicklistValue::value).toList()));
                            } else {
                                map.put(v.getKey().strip().toLowerCase(Locale.ROOT), v.getValue().textValue());
                            }
                        });
                        values.put(e.getKey(), map);
                    }
                });
            }
        }
        String action = CREATE;
        List<String> matchOn = List.of();
        JsonNode dup = body.get("duplicates");
        if (dup != null && !dup.isNull()) {
            if (!dup.isObject()) {
                errors.add(new FieldError("duplicates", "must be an object: {\"action\": \"skip|update|create\", \"matchOn\": [fields]}"));
            } else {
                for (Iterator<String> it = dup.fieldNames(); it.hasNext();) {
                    String n = it.next();
                    if (!Set.of("action", "matchOn").contains(n)) {
                        errors.add(new FieldError("duplicates." + n, "is not a member; expected action and matchOn"));
                    }
                }
                JsonNode a = dup.get("action");
                if (a != null && !(a.isTextual() && Set.of(SKIP, UPDATE, CREATE).contains(a.textValue()))) {
                    errors.add(new FieldError("duplicates.action", "must be skip, update or create"));
                } else if (a != null) {
                    action = a.textValue();
                }
                JsonNode m = dup.get("matchOn");
                if (m != null && !m.isNull()) {
                    List<String> fields = new ArrayList<>();
                    if (!m.isArray() || m.isEmpty()) {
                        errors.add(new FieldError("duplicates.matchOn", "must be a non-empty list of field names"));
                    } else {
                        m.forEach(x -> {
                            FieldDef<?> f = x.isTextual() ? type.field(x.textValue()).orElse(null) : null;
                            if (f == null || type.restriction(x.asText()).orElse(null) == FieldAccess.HIDDEN) {
                                errors.add(new FieldError("duplicates.matchOn", x.asText() + " is not a field of " + type.name()));
                            } else if (!fieldToColumn.containsKey(f.name())) {
                                errors.add(new FieldError("duplicates.matchOn", f.name() + " is not mapped from a column of the file"));
                            } else {
                                fields.add(f.name());
                            }
                        });
                    }
                    matchOn = fields;
                }
            }
        }
        if (!CREATE.equals(action) && matchOn.isEmpty()) {
            // the entity's own first duplicate rule whose fields the file supplies
            matchOn = type.duplicateRules().stream().filter(r -> fieldToColumn.keySet().containsAll(r)).findFirst().orElse(List.of());
            if (matchOn.isEmpty() && errors.isEmpty()) {
                errors.add(new FieldError("duplicates.matchOn", "name the fields that identify a record (e.g. [\"email\"]):"
                        + " none of " + type.name() + "'s duplicate rules " + type.duplicateRules() + " is fully mapped"));
            }
        }
        if (fieldToColumn.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("columns", "map at least one column to a field; the file's columns are " + header));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        return new ImportSpec(columns, defaults, values, action, matchOn, ownerId);
    }

    /** The file's columns whose heading is a field's name or label (English or Chinese), ignoring case and spaces. */
    static Map<String, String> suggest(EntityType<?> type, List<String> header) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String column : header) {
            String c = normal(column);
            for (FieldDef<?> f : type.fields()) {
                if (writable(type, f.name()) == null && (normal(f.name()).equals(c) || normal(f.label().en()).equals(c)
                        || f.label().zhCN() != null && normal(f.label().zhCN()).equals(c))) {
                    if (!out.containsValue(f.name())) {
                        out.put(column, f.name());
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static String normal(String s) {
        return s == null ? "" : s.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }

    /** Null when the importing user may write {@code field}, else why not. */
    static String writable(EntityType<?> type, String field) {
        FieldAccess restriction = type.restriction(field).orElse(null);
        if (restriction == FieldAccess.HIDDEN) {
            return "field " + field + " is hidden from you by field-level security and cannot be imported";
        }
        FieldDef<?> f = type.field(field).orElse(null);
        if (f == null) {
            return "is mapped to " + field + ", which is not a field of " + type.name();
        }
        if (restriction == FieldAccess.READ_ONLY) {
            return "field " + field + " is read-only for you (field-level security)";
        }
        if (f.isReadOnly()) {
            return "field " + field + " is set by the system and cannot be imported";
        }
        return null;
    }

    /** The mapping as stored with a job or saved for reuse. */
    ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode();
        ObjectNode c = json.putObject("columns");
        columns.forEach(c::put);
        json.set("defaults", defaults);
        ObjectNode v = json.putObject("values");
        values.forEach((f, m) -> {
            ObjectNode o = v.putObject(f);
            m.forEach(o::put);
        });
        ObjectNode d = json.putObject("duplicates");
        d.put("action", duplicateAction);
        matchOn.forEach(d.putArray("matchOn")::add);
        if (ownerId != null) {
            json.put("ownerId", ownerId);
        }
        return json;
    }

    static ImportSpec fromJson(String stored) {
        try {
            JsonNode json = JSON.readTree(stored);
            Map<String, String> columns = new LinkedHashMap<>();
            json.path("columns").fields().forEachRemaining(e -> columns.put(e.getKey(), e.getValue().textValue()));
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            json.path("values").fields().forEachRemaining(e -> {
                Map<String, String> m = new LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(v -> m.put(v.getKey(), v.getValue().textValue()));
                values.put(e.getKey(), m);
            });
            List<String> matchOn = new ArrayList<>();
            json.path("duplicates").path("matchOn").forEach(n -> matchOn.add(n.textValue()));
            return new ImportSpec(columns, (ObjectNode) json.path("defaults"), values,
                    json.path("duplicates").path("action").asText(CREATE), matchOn,
                    json.hasNonNull("ownerId") ? json.get("ownerId").textValue() : null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored import spec is not JSON", e);
        }
    }
}

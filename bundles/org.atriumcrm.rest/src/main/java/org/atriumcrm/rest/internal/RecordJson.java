package org.atriumcrm.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.security.FieldAccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Records to and from JSON, driven by entity metadata: a field the metadata does not declare is rejected on
 * input and never written on output. Every problem of a body is reported at once, one entry per field.
 */
final class RecordJson {

    /** How a body relates to the stored record. */
    enum Mode {
        /** New record: required fields must be present. */
        CREATE,
        /** PUT: the body is the whole record; writable fields it leaves out are cleared. */
        REPLACE,
        /** PATCH: only the fields present change; {@code null} clears one. */
        PATCH
    }

    private RecordJson() {
    }

    static <T extends Record> ObjectNode write(EntityType<T> type, T record) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        for (FieldDef<T> field : type.fields()) {
            Object value = field.get(record);
            String name = field.name();
            if (value == null) {
                json.putNull(name);
            } else if (value instanceof String s) {
                json.put(name, s);
            } else if (value instanceof BigDecimal d) {
                json.put(name, d);
            } else if (value instanceof Long l) {
                json.put(name, l);
            } else if (value instanceof Integer i) {
                json.put(name, i);
            } else if (value instanceof Boolean b) {
                json.put(name, b);
            } else if (value instanceof Instant || value instanceof LocalDate) {
                json.put(name, value.toString());
            } else {
                json.put(name, String.valueOf(value));
            }
        }
        return json;
    }

    static <T extends Record> Map<String, Object> read(EntityType<T> type, JsonNode body, Mode mode) {
        return read(type, body, mode, null);
    }

    static <T extends Record> Map<String, Object> read(EntityType<T> type, JsonNode body, Mode mode, T stored) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the request body must be a JSON object with the fields of " + type.name());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> forbidden = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            FieldDef<T> field = type.field(entry.getKey()).orElse(null);
            FieldAccess restriction = type.restriction(entry.getKey()).orElse(FieldAccess.EDITABLE);
            if (stored != null && field != null && field.isReadOnly() && restriction != FieldAccess.HIDDEN
                    && sameValue(field, entry.getValue(), field.get(stored))) {
                continue; // typed clients send back what they read (id, createdAt, version...): harmless when unchanged
            }
            if (restriction == FieldAccess.HIDDEN) {
                forbidden.add(FieldError.of(entry.getKey(), "field-hidden", "is hidden from you by field-level security and cannot be written"));
            } else if (restriction == FieldAccess.READ_ONLY && field != null && field.isReadOnly()) {
                forbidden.add(FieldError.of(entry.getKey(), "field-read-only-for-you", "is read-only for you (field-level security)"));
            } else if (field == null) {
                errors.add(FieldError.of(entry.getKey(), "unknown-field", "is not a field of " + type.name(), type.label()));
            } else if (field.isReadOnly()) {
                errors.add(FieldError.of(entry.getKey(), "read-only", stored == null ? "is read-only"
                        : "is read-only: send it unchanged (" + write(type, stored).get(field.name()) + ") or leave it out"));
            } else {
                try {
                    values.put(field.name(), convert(field, entry.getValue()));
                } catch (FieldValues.Invalid e) {
                    errors.add(e.toFieldError(field.name()));
                }
            }
        }
        for (FieldDef<T> field : type.fields()) {
            if (field.isReadOnly() || errors.stream().anyMatch(e -> e.field().equals(field.name()))) {
                continue;
            }
            boolean present = values.containsKey(field.name());
            if (mode == Mode.REPLACE && !present) {
                values.put(field.name(), null);
            }
            if (field.isRequired() && values.get(field.name()) == null && (present || mode != Mode.PATCH)) {
                errors.add(FieldError.of(field.name(), "required", "is required"));
            }
        }
        if (!forbidden.isEmpty()) {
            throw AtriumException.forbiddenFields(forbidden); // 403 before 400: the caller cannot fix it by correcting values
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        if (mode == Mode.REPLACE) {
            values.remove("ownerId", null); // PUT without an owner keeps the owner
        }
        return values;
    }

    /** Whether a body value means the stored one, however the client's JSON library spelled it. */
    private static boolean sameValue(FieldDef<?> field, JsonNode node, Object stored) {
        if (node == null || node.isNull() || stored == null) {
            return (node == null || node.isNull()) && stored == null;
        }
        try {
            switch (field.type()) {
                case INTEGER:
                case DECIMAL:
                    return (node.isNumber() || node.isTextual())
                            && new BigDecimal(node.asText().strip()).compareTo(new BigDecimal(stored.toString())) == 0;
                case DATETIME:
                    return node.isTextual() && stored.equals(FieldValues.fromText(field, node.textValue()));
                case BOOLEAN:
                    return node.isBoolean() && stored.equals(node.booleanValue());
                case ID:
                case REFERENCE:
                    return node.isTextual() && node.textValue().strip().equalsIgnoreCase(stored.toString());
                default:
                    return node.isTextual() && node.textValue().strip().equals(stored.toString());
            }
        } catch (FieldValues.Invalid | NumberFormatException e) {
            return false;
        }
    }

    static Object convert(FieldDef<?> field, JsonNode node) throws FieldValues.Invalid {
        if (node == null || node.isNull()) {
            return null;
        }
        FieldType type = field.type();
        switch (type) {
            case INTEGER:
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    throw new FieldValues.Invalid("integer", "must be an integer");
                }
                return node.longValue();
            case DECIMAL:
                if (node.isNumber()) {
                    return FieldValues.decimal(node.decimalValue());
                }
                if (node.isTextual()) {
                    return FieldValues.fromText(field, node.textValue()); // money as a string is common in feeds
                }
                throw new FieldValues.Invalid("decimal", "must be a number");
            case BOOLEAN:
                if (!node.isBoolean()) {
                    throw new FieldValues.Invalid("boolean", "must be true or false");
                }
                return node.booleanValue();
            default:
                if (!node.isTextual()) {
                    throw new FieldValues.Invalid(type == FieldType.DATE ? "date" : type == FieldType.DATETIME ? "datetime"
                            : type == FieldType.ID || type == FieldType.REFERENCE ? "record-id-type" : "text", "must be a " + describe(type));
                }
                return FieldValues.fromText(field, node.textValue());
        }
    }

    private static String describe(FieldType type) {
        switch (type) {
            case DATE:
                return "date string like 2026-11-22";
            case DATETIME:
                return "date-time string like 2026-11-22T08:30:00Z";
            case ID:
            case REFERENCE:
                return "record id string";
            default:
                return "string";
        }
    }

    /** JSON shape of a type, for messages and the OpenAPI schema. */
    static String jsonType(FieldType type) {
        switch (type) {
            case INTEGER:
                return "integer";
            case DECIMAL:
                return "number";
            case BOOLEAN:
                return "boolean";
            default:
                return "string";
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

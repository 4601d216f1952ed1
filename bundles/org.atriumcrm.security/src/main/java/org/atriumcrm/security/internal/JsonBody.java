package org.atriumcrm.security.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Strict reading of an administration request body: unknown members, wrong types and missing required
 * members are all collected and reported together as one 400 problem.
 */
final class JsonBody {
    final JsonNode node;
    final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    static JsonBody of(JsonNode body, String what, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the request body must be a JSON object describing " + what);
        }
        JsonBody b = new JsonBody(body);
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!allowed.contains(name)) {
                b.errors.add(new FieldError(name, "is not a member of " + what + "; expected one of " + new java.util.TreeSet<>(allowed)));
            }
        }
        return b;
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** A text member; null when absent or null, an error when required and missing or blank. */
    String text(String name, boolean required, int maxLength) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        String s = v.textValue().strip();
        if (s.isEmpty() && required) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        if (s.length() > maxLength) {
            errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
            return null;
        }
        return s.isEmpty() ? null : s;
    }

    Boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            errors.add(new FieldError(name, "must be true or false"));
            return null;
        }
        return v.booleanValue();
    }

    /** An array of strings; null when absent. */
    Set<String> strings(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            errors.add(new FieldError(name, "must be an array of strings"));
            return null;
        }
        Set<String> set = new LinkedHashSet<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                errors.add(new FieldError(name, "must be an array of strings"));
                return null;
            }
            set.add(item.textValue());
        }
        return set;
    }

    /** A member that must be one of {@code values}. */
    String oneOf(String name, boolean required, List<String> values) {
        String s = text(name, required, 100);
        if (s != null && !values.contains(s)) {
            errors.add(new FieldError(name, "must be one of " + values));
            return null;
        }
        return s;
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Throws the collected errors, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
    }
}

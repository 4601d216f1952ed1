package org.atriumcrm.mail.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.persistence.api.RecordIds;

import com.fasterxml.jackson.databind.JsonNode;

/** Strict reading of the bodies of the mailing actions: unknown members and wrong types are 400 field errors, all at once. */
final class MailBodies {
    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    MailBodies(JsonNode body, Set<String> members) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object with " + new TreeSet<>(members));
        }
        this.body = body;
        body.fieldNames().forEachRemaining(n -> {
            if (!members.contains(n)) {
                errors.add(new FieldError(n, "is not a member of this body; use " + new TreeSet<>(members)));
            }
        });
    }

    String text(String member, boolean required) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            if (required) {
                errors.add(new FieldError(member, "is required"));
            }
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            errors.add(new FieldError(member, "must be a non-empty string"));
            return null;
        }
        return v.textValue().strip();
    }

    /** Record ids, each once, in the given order. */
    List<String> ids(String member) {
        JsonNode v = body.get(member);
        Set<String> ids = new LinkedHashSet<>();
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            errors.add(new FieldError(member, "must be an array of record ids"));
            return List.of();
        }
        for (JsonNode id : v) {
            if (!id.isTextual() || !RecordIds.isValid(id.textValue())) {
                errors.add(new FieldError(member, id + " is not a record id"));
                if (errors.size() > 20) {
                    break; // a list of ten thousand bad ids needs no ten thousand errors
                }
            } else {
                ids.add(id.textValue());
            }
        }
        return List.copyOf(ids);
    }

    void error(String member, String message) {
        errors.add(new FieldError(member, message));
    }

    /** Throws the 400 with every error found so far. */
    void check() {
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
    }
}

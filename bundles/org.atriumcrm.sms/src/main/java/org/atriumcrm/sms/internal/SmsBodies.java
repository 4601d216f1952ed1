package org.atriumcrm.sms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the bodies of the send actions strictly: every problem is collected and answered at once (400). */
final class SmsBodies {

    private SmsBodies() {
    }

    /** The body as an object whose members are all known; unknown ones are field errors. */
    static List<FieldError> strict(JsonNode body, Set<String> members, String what) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object " + new TreeSet<>(members));
        }
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (!members.contains(n)) {
                errors.add(new FieldError(n, "is not a member of " + what + "; use " + new TreeSet<>(members)));
            }
        });
        return errors;
    }

    static String string(JsonNode body, String member, List<FieldError> errors) {
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

    /** An array of strings, at most {@code max}. */
    static List<String> strings(JsonNode body, String member, int max, List<FieldError> errors) {
        List<String> all = new ArrayList<>();
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return all;
        }
        if (!node.isArray()) {
            errors.add(new FieldError(member, "must be an array of strings"));
            return all;
        }
        if (node.size() > max) {
            errors.add(new FieldError(member, "names " + node.size() + "; at most " + max + " per request"));
            return all;
        }
        for (JsonNode v : node) {
            if (!v.isTextual()) {
                errors.add(new FieldError(member, "must be an array of strings; found " + v));
            } else {
                all.add(v.textValue());
            }
        }
        return all;
    }

    /** The message text: present, not blank, not longer than {@value SmsTypes#MAX_TEXT} characters. */
    static String text(JsonNode body, List<FieldError> errors) {
        String text = string(body, "text", errors);
        if (text == null || text.isBlank()) {
            if (errors.stream().noneMatch(e -> e.field().equals("text"))) {
                errors.add(new FieldError("text", "is required"));
            }
            return null;
        }
        if (text.length() > SmsTypes.MAX_TEXT) {
            errors.add(new FieldError("text", "has " + text.length() + " characters; at most " + SmsTypes.MAX_TEXT));
            return null;
        }
        return text;
    }
}

package org.atriumcrm.security.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of a password change: the new password and, for one's own password, the current one. */
record PasswordBody(String current, String next) {

    static PasswordBody read(JsonNode body, boolean needsCurrent) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the request body must be a JSON object with newPassword"
                    + (needsCurrent ? " and currentPassword" : ""));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!field.equals("newPassword") && !(needsCurrent && field.equals("currentPassword"))) {
                errors.add(new FieldError(field, "is not a field of a password change"));
            }
        }
        String next = body.hasNonNull("newPassword") && body.get("newPassword").isTextual() ? body.get("newPassword").textValue() : null;
        String current = body.hasNonNull("currentPassword") && body.get("currentPassword").isTextual()
                ? body.get("currentPassword").textValue() : null;
        if (next == null) {
            errors.add(new FieldError("newPassword", "is required"));
        }
        if (needsCurrent && current == null) {
            errors.add(new FieldError("currentPassword", "is required"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        return new PasswordBody(current, next);
    }
}

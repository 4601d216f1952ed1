package org.atriumcrm.rest.internal;

import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.security.Caller;

/** Small helpers shared by the resources. */
final class Requests {

    private Requests() {
    }

    static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new AtriumException(401, "unauthenticated", "Unauthorized", "authentication is required", null);
    }

    static EntityTag etag(Record record) {
        return new EntityTag(Long.toString(record.getVersion()));
    }

    /** The version an If-Match header names; null when absent or {@code *}. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.valueOf(tag);
        } catch (NumberFormatException e) {
            throw AtriumException.badRequest("If-Match must be the ETag of a previous response, like \"3\", not " + ifMatch);
        }
    }

    /** A true/false query parameter; absent is false. */
    static boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw AtriumException.invalidField(name, "must be true or false, not '" + value + "'");
    }
}

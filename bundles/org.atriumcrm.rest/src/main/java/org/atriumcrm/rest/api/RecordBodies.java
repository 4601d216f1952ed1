package org.atriumcrm.rest.api;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Map;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.Record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The platform's JSON codec for records, for modules whose own endpoints take or give records (a lead
 * conversion that creates an account, a web form that creates a lead): the same validation and the same shape as
 * {@code /api/v1/<plural>}. Invalid bodies throw the usual 400 (or 403 for fields the caller may not write).
 */
@ProviderType
public final class RecordBodies {

    private RecordBodies() {
    }

    /** Values for a new record: every problem at once, required fields checked. */
    public static <T extends Record> Map<String, Object> forCreate(EntityType<T> type, JsonNode body) {
        return org.atriumcrm.rest.internal.RecordJsonAccess.read(type, body, true);
    }

    /** Values for a partial update: only the fields present. */
    public static <T extends Record> Map<String, Object> forPatch(EntityType<T> type, JsonNode body) {
        return org.atriumcrm.rest.internal.RecordJsonAccess.read(type, body, false);
    }

    /**
     * A list query from the parameters a list URL takes ({@code sort}, {@code q}, {@code filter}, each may be null),
     * validated against {@code type} exactly as {@code GET /api/v1/<plural>} validates them (400 with every problem).
     * For a module that works on "every record of a query", e.g. a mass update.
     */
    public static <T extends Record> org.atriumcrm.api.query.ListQuery listQuery(EntityType<T> type, String sort, String q,
            java.util.List<String> filters) {
        return org.atriumcrm.rest.internal.RecordJsonAccess.listQuery(type, sort, q, filters);
    }

    /**
     * The authenticated user of a request, for a module endpoint's {@code @Context SecurityContext}: 401 problem
     * when there is none (the platform's authentication filter normally answers before).
     */
    public static org.atriumcrm.api.security.Caller caller(javax.ws.rs.core.SecurityContext security) {
        return org.atriumcrm.rest.internal.RecordJsonAccess.caller(security);
    }

    /**
     * A {@code limit} query parameter of a module's own list: {@code dflt} when absent, a 400 problem unless it is an
     * integer from 1 to {@link org.atriumcrm.api.query.ListQuery#MAX_LIMIT}.
     */
    public static int limit(String limit, int dflt) {
        return org.atriumcrm.rest.internal.RecordJsonAccess.limit(limit, dflt);
    }

    /** {@link #caller} when the user is an administrator; a 403 problem otherwise. */
    public static org.atriumcrm.api.security.Caller administrator(javax.ws.rs.core.SecurityContext security) {
        org.atriumcrm.api.security.Caller caller = caller(security);
        if (!caller.administrator()) {
            throw org.atriumcrm.api.error.AtriumException.forbidden("only administrators may do this");
        }
        return caller;
    }

    /** A record as JSON, with the fields {@code type} shows. */
    public static <T extends Record> ObjectNode toJson(EntityType<T> type, T record) {
        return org.atriumcrm.rest.internal.RecordJsonAccess.write(type, record);
    }
}

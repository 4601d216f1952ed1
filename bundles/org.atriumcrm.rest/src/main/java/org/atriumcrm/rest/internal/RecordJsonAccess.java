package org.atriumcrm.rest.internal;

import java.util.Map;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.Record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The bridge from the exported {@code RecordBodies} to the package-private codec. */
public final class RecordJsonAccess {

    private RecordJsonAccess() {
    }

    public static int limit(String limit, int dflt) {
        return ListParams.limit(limit, dflt);
    }

    public static org.atriumcrm.api.security.Caller caller(javax.ws.rs.core.SecurityContext security) {
        return Requests.caller(security);
    }

    public static <T extends Record> Map<String, Object> read(EntityType<T> type, JsonNode body, boolean create) {
        return RecordJson.read(type, body, create ? RecordJson.Mode.CREATE : RecordJson.Mode.PATCH);
    }

    public static <T extends Record> org.atriumcrm.api.query.ListQuery listQuery(EntityType<T> type, String sort, String q,
            java.util.List<String> filters) {
        return ListParams.parse(type, null, null, sort, q, filters);
    }

    public static <T extends Record> ObjectNode write(EntityType<T> type, T record) {
        return RecordJson.write(type, record);
    }
}

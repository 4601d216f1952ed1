package org.atriumcrm.rest.api;

import org.osgi.annotation.versioning.ConsumerType;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;

/**
 * A read-only view of one record contributed by another module, e.g. an account's correspondence history:
 * {@code GET /api/v1/<plural>/{id}/<view>?...}. Registered with {@value #ENTITY_PROPERTY} (the entity name of the
 * record, e.g. {@code Account}) and {@value #VIEW_PROPERTY} (the path segment). The platform first reads the record
 * through the caller's secured store, so an invisible or unknown record is a 404 before the view is called; the
 * view must still answer only what the caller may see of its own records. Related lists of the entity type win
 * over views of the same name.
 */
@ConsumerType
public interface RecordView {
    String ENTITY_PROPERTY = "atrium.entity";
    String VIEW_PROPERTY = "atrium.view";
    /** Optional service property: one sentence for the OpenAPI document (what it answers, its parameters). */
    String SUMMARY_PROPERTY = "atrium.summary";

    Object view(RecordStore<?> records, Record record, Map<String, List<String>> parameters, Caller caller);

    /** The body and answer of this view for {@code /api/openapi.json}; null leaves them untyped. @since 1.6 */
    default OperationSchema recordViewSchema() {
        return null;
    }
}

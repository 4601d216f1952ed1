package org.atriumcrm.rest.api;

import org.osgi.annotation.versioning.ConsumerType;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;

/**
 * A read-only view over the records of an entity type, e.g. the sales funnel:
 * {@code GET /api/v1/<plural>/<view>?...}. Registered with {@value #ENTITY_PROPERTY} and {@value #VIEW_PROPERTY};
 * must answer only from records the caller may see (use the caller's {@code AccessPolicy} visibility).
 */
@ConsumerType
public interface EntityView {
    String ENTITY_PROPERTY = "atrium.entity";
    String VIEW_PROPERTY = "atrium.view";
    /** Optional service property: one sentence for the OpenAPI document (what it answers, its parameters). */
    String SUMMARY_PROPERTY = "atrium.summary";

    Object view(RecordStore<?> records, Map<String, List<String>> parameters, Caller caller);

    /** The body and answer of this view for {@code /api/openapi.json}; null leaves them untyped. @since 1.6 */
    default OperationSchema viewSchema() {
        return null;
    }
}

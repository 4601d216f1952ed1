package org.atriumcrm.rest.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A business operation on one record beyond create/update/delete, e.g. converting a lead or advancing an
 * opportunity: {@code POST /api/v1/<plural>/{id}/<action>} with a JSON body. Register it as a service with the
 * properties {@value #ENTITY_PROPERTY} (the entity name) and {@value #ACTION_PROPERTY} (the path segment), and
 * reference the module's gate. The platform passes the caller's secured store (so reading the record through it
 * gives the 404 for invisible records), and renders the returned object as JSON (200) or an
 * {@code AtriumException} as problem+json. An action whose answer is a file (a PDF) returns a
 * {@code javax.ws.rs.core.Response} with its type, sent as it is, and documents it with {@link #PDF_ANSWER} (since 1.9).
 */
@ConsumerType
public interface RecordAction {
    String ENTITY_PROPERTY = "atrium.entity";
    String ACTION_PROPERTY = "atrium.action";
    /**
     * Optional service property: {@code collection} for an operation on the entity type rather than one record,
     * served at {@code POST /api/v1/<plural>/<action>} and called with a null id (e.g. {@code /emails/send}).
     */
    String SCOPE_PROPERTY = "atrium.scope";
    String COLLECTION_SCOPE = "collection";

    /**
     * Optional service property: the states in which the action applies, as {@code <field>=<value>,<value>} of the
     * record (e.g. {@code stage=draft}), so that a client offers it only then. The action still checks and refuses
     * (409) whatever the client offered; without the property a client offers it always. @since 1.10
     */
    String WHEN_PROPERTY = "atrium.when";

    /** Optional service property: one sentence for the OpenAPI document (what it does, the body's members). */
    String SUMMARY_PROPERTY = "atrium.summary";

    /**
     * The answer schema of an action that sends a PDF (a {@code Response} of type {@code application/pdf}): the OpenAPI
     * document lists it under that media type as binary. @since 1.9
     */
    String PDF_ANSWER = "{\"type\": \"string\", \"format\": \"binary\", \"x-atrium-media-type\": \"application/pdf\"}";

    /**
     * The answer schema's member naming another success status than 200 (e.g. {@code "x-atrium-status": 202} for work
     * that was queued); the action returns a {@code javax.ws.rs.core.Response} with that status. @since 1.10
     */
    String STATUS_MEMBER = "x-atrium-status";

    Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller);

    /**
     * As {@link #perform(RecordStore, String, JsonNode, Caller)} with the request's query parameters (e.g. {@code ?locale=zh-CN}),
     * which the action documents with {@link OperationSchema#withParameters}; by default they are ignored. @since 1.10
     */
    default Object perform(RecordStore<?> records, String id, JsonNode body, java.util.Map<String, java.util.List<String>> parameters,
            Caller caller) {
        return perform(records, id, body, caller);
    }

    /** The body and answer of this action for {@code /api/openapi.json}; null leaves them untyped. @since 1.6 */
    default OperationSchema actionSchema() {
        return null;
    }
}

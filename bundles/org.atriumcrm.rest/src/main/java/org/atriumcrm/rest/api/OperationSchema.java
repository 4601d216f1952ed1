package org.atriumcrm.rest.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a module's operation takes and answers, for the platform's OpenAPI document: OpenAPI 3.0 schemas (which may
 * refer to the platform's {@code #/components/schemas/...}, e.g. {@code Account} or {@code Problem}). Without one,
 * the document can only say "an object", and clients generated from it get untyped maps.
 *
 * @param request the JSON request body; null when the operation takes none
 * @param response the JSON answer (200); null for an untyped object
 * @param parameters OpenAPI parameter objects (query parameters of a view); null for none
 * @since 1.6
 */
public record OperationSchema(ObjectNode request, ObjectNode response, ArrayNode parameters) {

    public static OperationSchema of(ObjectNode request, ObjectNode response) {
        return new OperationSchema(request, response, null);
    }
}

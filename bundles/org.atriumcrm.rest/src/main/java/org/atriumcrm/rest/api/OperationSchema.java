package org.atriumcrm.rest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    public static OperationSchema of(ObjectNode request, ObjectNode response) {
        return new OperationSchema(request, response, null);
    }

    /**
     * The schemas written as JSON text (a text block reads best), e.g.
     * {@code OperationSchema.json(null, """{"type": "object", "properties": {"sent": {"type": "integer"}}}""")}.
     *
     * @param request the request body's schema; null when the operation takes none
     * @param response the answer's schema; null for an untyped object
     * @throws IllegalArgumentException when either is not a JSON object
     * @since 1.7
     */
    public static OperationSchema json(String request, String response) {
        return new OperationSchema(object(request), object(response), null);
    }

    /**
     * An operation whose body is an empty object ({@code {}}: the action takes no parameters) and that answers
     * {@code response} (JSON text, as for {@link #json}). @since 1.7
     */
    public static OperationSchema noParameters(String response) {
        return json(NO_MEMBERS, response);
    }

    /** The request schema of {@link #noParameters}: an object without members. @since 1.7 */
    public static final String NO_MEMBERS = "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {}, \"maxProperties\": 0}";

    /** This one with the query parameters of a view (OpenAPI parameter objects as a JSON array). @since 1.7 */
    public OperationSchema withParameters(String parametersJson) {
        try {
            return new OperationSchema(request, response, (ArrayNode) JSON.readTree(parametersJson));
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON array of parameters: " + parametersJson, e);
        }
    }

    /**
     * A JSON object written as text (a schema, or a module's OpenAPI path items); null for null.
     *
     * @throws IllegalArgumentException when it is not a JSON object
     * @since 1.7
     */
    public static ObjectNode object(String json) {
        if (json == null) {
            return null;
        }
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }
}

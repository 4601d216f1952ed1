package org.atriumcrm.rest.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An endpoint anyone may call without credentials, e.g. a web-to-lead form:
 * {@code /api/v1/public/<path>}, where {@code path} is the service property {@value #PATH_PROPERTY}. Like a
 * {@link ModuleEndpoint} it is a JAX-RS sub-resource object (method annotations only). It must never reveal
 * stored data, must check its own keys and origins, and should limit the rate per client address. The body size
 * limit of the API applies.
 */
@ConsumerType
public interface PublicEndpoint {
    String PATH_PROPERTY = "atrium.rest.public.path";
    /** Optional service property: one sentence for the OpenAPI document. */
    String SUMMARY_PROPERTY = "atrium.summary";

    /**
     * The answer to a CORS preflight ({@code OPTIONS}) from a page of {@code origin}: the allow headers, or null
     * when this endpoint accepts no cross-origin posts (the platform answers 403 then).
     */
    default javax.ws.rs.core.Response preflight(String origin) {
        return null;
    }

    /**
     * This endpoint's part of {@code /api/openapi.json}: OpenAPI path items keyed by their path below {@code /api}
     * (e.g. {@code /v1/public/sms/inbound}), which may refer to {@code #/components/schemas/Problem}; the platform
     * marks their operations public and adds the problem answers every public endpoint may give. Null: the document
     * shows one untyped {@code POST /v1/public/<path>}. {@link OperationSchema#object(String)} reads them from JSON text.
     *
     * @since 1.7
     */
    default com.fasterxml.jackson.databind.node.ObjectNode openApiPaths() {
        return null;
    }
}

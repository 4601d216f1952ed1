package org.atriumcrm.rest.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's own REST endpoints, served at {@code /api/v1/<path>} where {@code path} is the service property
 * {@value #PATH_PROPERTY}. Register the resource object as a service of this type, e.g.
 * <pre>
 * {@literal @}Component(service = ModuleEndpoint.class, property = ModuleEndpoint.PATH_PROPERTY + "=pinyin")
 * public class PinyinResource implements ModuleEndpoint {
 *     {@literal @}GET {@literal @}Path("search") public Map&lt;String, Object&gt; search(...) { ... }
 * }
 * </pre>
 * and reference the module's gate from it. The platform routes requests to it as a JAX-RS sub-resource: it is
 * not a whiteboard resource, so it comes and goes without the JAX-RS application being rebuilt (the rest of the
 * API keeps answering), and it can never take a path of the platform or of another module. Its methods carry
 * JAX-RS annotations ({@code @GET}, {@code @Path} relative to its path, {@code @QueryParam}, {@code @Context}
 * method parameters); no class-level {@code @Path}. Errors are {@code AtriumException}s.
 */
@ConsumerType
public interface ModuleEndpoint {
    /** Service property: the first path segment under {@code /api/v1/}, e.g. {@code pinyin}. */
    String PATH_PROPERTY = "atrium.rest.path";

    /**
     * This endpoint's part of the platform's OpenAPI document ({@code /api/openapi.json}): OpenAPI path items keyed
     * by their path below {@code /api} (e.g. {@code /v1/jobs/{id}}), which may refer to
     * {@code #/components/schemas/Problem}; null when the endpoint documents nothing.
     */
    default com.fasterxml.jackson.databind.node.ObjectNode openApiPaths() {
        return null;
    }
}

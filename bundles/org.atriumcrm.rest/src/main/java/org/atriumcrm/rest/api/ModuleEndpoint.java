package org.atriumcrm.rest.api;

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
public interface ModuleEndpoint {
    /** Service property: the first path segment under {@code /api/v1/}, e.g. {@code pinyin}. */
    String PATH_PROPERTY = "atrium.rest.path";
}

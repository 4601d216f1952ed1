package org.atriumcrm.rest.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Names a module uses to add a resource to the Atrium API, e.g.
 * <pre>
 * {@literal @}JaxrsResource
 * {@literal @}JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
 * {@literal @}JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
 * </pre>
 * Requiring the JSON and authentication extensions guarantees that the resource never answers before
 * authentication is in place. Resources throw {@code org.atriumcrm.api.error.AtriumException} for client
 * errors; the platform renders it as {@code application/problem+json}.
 */
@ProviderType
public final class AtriumRest {
    /** The application name ({@code osgi.jaxrs.name}). */
    public static final String APPLICATION_NAME = "atrium";
    /** Base path of the application. */
    public static final String BASE = "api";
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
    public static final String JSON_EXTENSION = "atrium.json";
    public static final String AUTH_EXTENSION = "atrium.auth";
    public static final String REQUIRE_JSON = "(osgi.jaxrs.name=" + JSON_EXTENSION + ")";
    public static final String REQUIRE_AUTHENTICATION = "(osgi.jaxrs.name=" + AUTH_EXTENSION + ")";
    public static final String PROBLEM_JSON = "application/problem+json";
    /**
     * The browser session's cookie ({@code POST /api/v1/session}): it authenticates a request that has no
     * {@code Authorization} header.
     *
     * @since 1.8
     */
    public static final String SESSION_COOKIE = "ATRIUM_SESSION";
    /**
     * The header a cookie-authenticated POST, PUT, PATCH or DELETE must carry, holding the session's CSRF token.
     *
     * @since 1.8
     */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private AtriumRest() {
    }
}

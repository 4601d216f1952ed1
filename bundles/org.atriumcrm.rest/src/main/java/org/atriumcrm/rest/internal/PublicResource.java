package org.atriumcrm.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.rest.api.AtriumRest;
import org.atriumcrm.rest.api.PublicEndpoint;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/public/<segment>}: the modules' unauthenticated endpoints ({@link PublicEndpoint}), e.g.
 * web-to-lead forms. Routed like module endpoints (sub-resources, no application rebuild); the authentication
 * filter lets exactly this prefix through.
 */
@Component(service = PublicResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/public")
@Produces(MediaType.APPLICATION_JSON)
public class PublicResource {
    private final Map<String, PublicEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, String> summaries = new ConcurrentHashMap<>();

    /** Segment → summary of the public endpoints, for the OpenAPI document. */
    Map<String, String> summaries() {
        return Map.copyOf(summaries);
    }

    /** The paths the endpoint at {@code segment} documents, for the OpenAPI document; null when it says nothing. */
    com.fasterxml.jackson.databind.node.ObjectNode openApiPaths(String segment) {
        PublicEndpoint endpoint = endpoints.get(segment);
        return endpoint == null ? null : endpoint.openApiPaths();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEndpoint(PublicEndpoint endpoint, Map<String, Object> properties) {
        if (properties.get(PublicEndpoint.PATH_PROPERTY) instanceof String path && !path.isBlank()) {
            endpoints.put(path, endpoint);
            summaries.put(path, String.valueOf(properties.getOrDefault(PublicEndpoint.SUMMARY_PROPERTY, "")));
        }
    }

    void removeEndpoint(PublicEndpoint endpoint, Map<String, Object> properties) {
        endpoints.entrySet().removeIf(e -> {
            if (e.getValue() == endpoint) {
                summaries.remove(e.getKey());
                return true;
            }
            return false;
        });
    }

    /** CORS preflights go to the endpoint's {@link PublicEndpoint#preflight(String)}: CXF does not route OPTIONS through locators. */
    @javax.ws.rs.OPTIONS
    @Path("{segment}")
    public javax.ws.rs.core.Response preflight(@PathParam("segment") String segment,
            @javax.ws.rs.HeaderParam("Origin") String origin) {
        javax.ws.rs.core.Response answer = ((PublicEndpoint) locate(segment)).preflight(origin);
        if (answer == null) {
            throw new AtriumException(403, "origin-not-allowed", "Forbidden", segment + " accepts no posts from " + origin, null);
        }
        return answer;
    }

    @Path("{segment}")
    public Object locate(@PathParam("segment") String segment) {
        PublicEndpoint endpoint = endpoints.get(segment);
        if (endpoint == null) {
            throw AtriumException.notFound("there is no public endpoint '" + segment + "'");
        }
        return endpoint;
    }
}

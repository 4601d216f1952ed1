package org.atriumcrm.rest.internal;

import java.util.List;
import java.util.Set;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;

import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * {@code OPTIONS} answers 200 with the methods of the path, the same list a 405 gives. CXF does not route OPTIONS
 * through sub-resource locators (every record path answered 404) and, where it answers, lists every method of the
 * resource class. Public endpoints keep their own answer (a CORS preflight); an unknown path stays a 404 and a
 * refused caller a 401.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName("atrium.options")
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
public class OptionsAnswer implements ContainerResponseFilter {
    private static final Set<Integer> REWRITTEN = Set.of(200, 204, 404, 405);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile OpenApiResource openApi;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || !REWRITTEN.contains(response.getStatus())) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        OpenApiResource document = openApi;
        if (document == null || path.replaceFirst("^/+" + AtriumRest.BASE + "/+", "").startsWith(AuthenticationFilter.PUBLIC_PREFIX)) {
            return;
        }
        List<String> methods = document.allowedMethods(path);
        if (methods.isEmpty()) {
            return;
        }
        response.setStatus(200);
        response.setEntity(null);
        response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        response.getHeaders().putSingle(HttpHeaders.ALLOW, AllowedMethods.header(methods));
    }
}

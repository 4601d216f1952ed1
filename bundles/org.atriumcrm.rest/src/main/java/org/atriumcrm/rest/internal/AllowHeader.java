package org.atriumcrm.rest.internal;

import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code Allow} header of a path under {@code /api} for the HTTP server bundle ({@code org.atriumcrm.http}),
 * which answers {@code TRACE} in front of the servlets, where the API cannot: the same list a 405 of the API gives.
 * A plain {@code Function} service, so that bundle depends on nothing of ours.
 */
@Component(service = Function.class, property = "atrium.http.allow=true")
public class AllowHeader implements Function<String, String> {
    @Reference
    OpenApiResource openApi;

    @Override
    public String apply(String requestPath) {
        return AllowedMethods.header(openApi.allowedMethods(requestPath));
    }
}

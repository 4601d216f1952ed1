package org.atriumcrm.bench.internal;

import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.atriumcrm.rest.api.PublicEndpoint;
import org.osgi.service.component.annotations.Component;

/**
 * The framework ceiling: {@code GET|POST /api/v1/public/bench/account} answers a constant JSON of an account's size
 * (set by {@code PUT /api/v1/bench/bare/account}) — Jetty, CXF and the platform's JAX-RS application with its
 * pre-matching filter letting a public path through, and no Atrium record code. A sub-resource like every module
 * endpoint: a whiteboard resource joining {@code /api} at runtime rebuilds the application.
 */
@Component(service = PublicEndpoint.class, property = PublicEndpoint.PATH_PROPERTY + "=bench")
public class BarePublicEndpoint implements PublicEndpoint {

    @GET
    @Path("account")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] account() {
        return Bare.account;
    }

    @POST
    @Path("account")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) throws IOException {
        body.readAllBytes();
        return Response.status(201).entity(Bare.account).build();
    }
}

package org.atriumcrm.rest.internal;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleRegistry;
import org.atriumcrm.api.module.ModuleState;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The platform-ready signal (public, no data): 200 UP once every enabled module serves all of its entity
 * types, 503 STARTING with what is still missing before that. Stores come up seconds after the HTTP port,
 * when the database and the persistence units are ready; scripts and tests wait on this.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Reference
    ModuleRegistry modules;

    @Reference
    Stores stores;

    @GET
    public Response health() {
        List<String> waiting = new ArrayList<>();
        for (ModuleInfo m : modules.modules()) {
            if (m.state() == ModuleState.ENABLED) {
                for (EntityRef e : m.entityTypes()) {
                    if (stores.byName(e.name()).isEmpty()) {
                        waiting.add(m.id() + "/" + e.name());
                    }
                }
            }
        }
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("status", waiting.isEmpty() ? "UP" : "STARTING");
        json.put("modules", modules.modules().size());
        if (!waiting.isEmpty()) {
            json.set("waitingFor", Json.MAPPER.valueToTree(waiting));
        }
        return Response.status(waiting.isEmpty() ? 200 : 503).entity(json).build();
    }
}

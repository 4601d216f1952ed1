package org.atriumcrm.rest.internal;

import java.util.Comparator;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Entity metadata of the enabled modules: what clients and the UI build forms, lists and filters from. */
@Component(service = MetaResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/meta")
@Produces(MediaType.APPLICATION_JSON)
public class MetaResource {

    @Reference
    Stores stores;

    @GET
    @Path("entities")
    public ObjectNode entities() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        stores.all().stream().sorted(Comparator.comparing(s -> s.type().name()))
                .forEach(s -> items.add(MetaJson.summary(s.type())));
        return json;
    }

    @GET
    @Path("entities/{name}")
    public ObjectNode entity(@PathParam("name") String name) {
        RecordStore<?> store = stores.byNameOrPlural(name);
        return MetaJson.full(store.type());
    }
}

package org.atriumcrm.rest.internal;

import java.util.Comparator;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.Right;
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

    @Reference
    RecordResource records;

    /** The entity types the caller may view. */
    @GET
    @Path("entities")
    public ObjectNode entities(@Context SecurityContext security) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        stores.viewable(Requests.caller(security)).stream().sorted(Comparator.comparing(s -> s.type().name()))
                .forEach(s -> items.add(MetaJson.summary(s.type())));
        return json;
    }

    /** The metadata as the caller sees it: hidden fields are absent, read-only ones marked so, with the caller's rights. */
    @GET
    @Path("entities/{name}")
    public ObjectNode entity(@PathParam("name") String name, @Context SecurityContext security) {
        Caller caller = Requests.caller(security);
        RecordStore<?> store = stores.byNameOrPlural(name);
        EntityAccess access = stores.policy.access(caller, store.type());
        if (!access.can(Right.VIEW)) {
            throw AtriumException.forbidden("your profiles do not allow you to view " + store.type().pluralLabel().en().toLowerCase());
        }
        ObjectNode json = MetaJson.full(stores.secured(store, caller).type());
        // what a record page offers beyond the fields: the modules' actions and views of one record (convert,
        // advance, emails...), so a client builds its buttons and tabs from what is installed now
        String entity = store.type().name();
        ArrayNode actions = json.putArray("actions");
        RecordResource.namesFor(records.actions, entity).forEach(actions::add);
        ArrayNode collectionActions = json.putArray("collectionActions");
        RecordResource.collectionActionsFor(records.actions, entity).forEach(collectionActions::add);
        ArrayNode recordViews = json.putArray("recordViews");
        RecordResource.namesFor(records.recordViews, entity).forEach(recordViews::add);
        ArrayNode rights = json.putArray("rights");
        for (Right r : Right.values()) {
            if (access.can(r)) {
                rights.add(r.jsonName());
            }
        }
        return json;
    }
}

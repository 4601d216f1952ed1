package org.atriumcrm.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.RecordSharing;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The recycle bin of every entity type: deleted records, newest first; restore, or purge for good. */
@Component(service = RecycleBinResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/recycle-bin")
@Produces(MediaType.APPLICATION_JSON)
public class RecycleBinResource {

    @Reference
    Stores stores;

    @Reference
    RecordSharing sharing;

    /** One deleted record, as the bin lists it. */
    private record Entry(ObjectNode json, java.time.Instant deletedAt) {
    }

    @GET
    public ObjectNode list(@QueryParam("entity") String entity, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @Context SecurityContext security) {
        Caller caller = Requests.caller(security);
        int off = intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        int lim = intParam("limit", limit, ListQuery.DEFAULT_LIMIT, 1, ListQuery.MAX_LIMIT);
        List<RecordStore<?>> sources = entity == null || entity.isBlank() ? new ArrayList<>(stores.viewable(caller))
                : List.of(stores.secured(stores.byNameOrPlural(entity), caller));
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        for (RecordStore<?> store : sources) {
            total += collect(store, off + lim, entries);
        }
        entries.sort(Comparator.comparing(Entry::deletedAt).reversed());
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        entries.stream().skip(off).limit(lim).forEach(e -> items.add(e.json()));
        json.put("total", total);
        json.put("offset", off);
        json.put("limit", lim);
        return json;
    }

    @POST
    @Path("{entity}/{id}/restore")
    public Response restore(@PathParam("entity") String entity, @PathParam("id") String id,
            @Context SecurityContext security) {
        return restore(stores.secured(stores.byNameOrPlural(entity), Requests.caller(security)), id, security);
    }

    @DELETE
    @Path("{entity}/{id}")
    public Response purge(@PathParam("entity") String entity, @PathParam("id") String id,
            @Context SecurityContext security) {
        RecordStore<?> store = stores.secured(stores.byNameOrPlural(entity), Requests.caller(security));
        store.purge(id, Requests.caller(security));
        sharing.forget(store.type().name(), id);
        return Response.noContent().build();
    }

    private <T extends Record> Response restore(RecordStore<T> store, String id, SecurityContext security) {
        T restored = store.restore(id, Requests.caller(security));
        return Response.ok(RecordJson.write(store.type(), restored)).tag(Requests.etag(restored)).build();
    }

    private static <T extends Record> long collect(RecordStore<T> store, int upTo, List<Entry> into) {
        EntityType<T> type = store.type();
        var page = store.listDeleted(0, Math.min(upTo, 10_000));
        for (T r : page.items()) {
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("entity", type.name());
            json.put("plural", type.plural());
            json.put("id", r.getId());
            json.put("displayName", type.displayName(r));
            json.put("deletedAt", r.getDeletedAt().toString());
            json.put("deletedBy", r.getDeletedBy());
            json.put("restore", "/" + AtriumRest.BASE + "/v1/recycle-bin/" + type.plural() + "/" + r.getId() + "/restore");
            into.add(new Entry(json, r.getDeletedAt()));
        }
        return page.total();
    }

    private static int intParam(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw AtriumException.invalidField(name, "must be an integer between " + min + " and " + max + ", not '" + value + "'");
    }
}

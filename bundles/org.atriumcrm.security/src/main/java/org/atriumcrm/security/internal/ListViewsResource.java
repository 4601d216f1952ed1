package org.atriumcrm.security.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.AtriumRest;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /api/v1/list-views}: saved list views (own and shared); HTTP only, the rules are {@link ListViewService}'s. */
@Component(service = ListViewsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/list-views")
@Produces(MediaType.APPLICATION_JSON)
public class ListViewsResource {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> CREATE = Set.of("entity", "name", "columns", "sort", "filter", "shared");
    private static final Set<String> CHANGE = Set.of("name", "columns", "sort", "filter", "shared");

    @Reference
    ListViewService views;

    @GET
    public ObjectNode list(@QueryParam("entity") String entity, @Context SecurityContext security) {
        Caller caller = RecordBodies.caller(security);
        ObjectNode json = JSON.objectNode();
        var items = json.putArray("items");
        views.visible(caller, entity).forEach(v -> items.add(json(v, caller)));
        return json;
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = RecordBodies.caller(security);
        return json(views.get(caller, id), caller);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context SecurityContext security) {
        Caller caller = RecordBodies.caller(security);
        ListViewRow saved = views.create(caller, spec(body, CREATE, true));
        return Response.created(URI.create("/" + AtriumRest.BASE + "/v1/list-views/" + saved.id)).entity(json(saved, caller)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public ObjectNode update(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Caller caller = RecordBodies.caller(security);
        return json(views.update(caller, id, spec(body, CHANGE, false)), caller);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        views.delete(RecordBodies.caller(security), id);
        return Response.noContent().build();
    }

    private static ListViewService.Spec spec(JsonNode json, Set<String> members, boolean create) {
        JsonBody body = JsonBody.of(json, "a list view", members);
        String entity = create ? body.text("entity", true, 60) : null;
        String name = body.text("name", create, 100);
        List<String> columns = null;
        if (body.has("columns")) {
            Set<String> set = body.strings("columns");
            columns = set == null ? null : new ArrayList<>(set);
        }
        String sort = body.has("sort") ? textOrEmpty(body, "sort", 500) : null;
        String filter = body.has("filter") ? textOrEmpty(body, "filter", 4000) : null;
        Boolean shared = body.bool("shared");
        body.check();
        return new ListViewService.Spec(entity, name, columns, sort, filter, create && shared == null ? Boolean.FALSE : shared);
    }

    /** An optional text member where null or "" clears it. */
    private static String textOrEmpty(JsonBody body, String name, int maxLength) {
        String s = body.text(name, false, maxLength);
        return s == null ? "" : s;
    }

    static ObjectNode json(ListViewRow v, Caller caller) {
        ObjectNode json = JSON.objectNode();
        json.put("id", v.id);
        json.put("entity", v.entity);
        json.put("name", v.name);
        var columns = json.putArray("columns");
        if (v.columns != null && !v.columns.isEmpty()) {
            for (String c : v.columns.split(",")) {
                columns.add(c);
            }
        }
        json.put("sort", v.sort == null ? "" : v.sort);
        json.put("filter", v.filter == null ? "" : v.filter);
        json.put("shared", v.shared);
        json.put("ownerId", v.ownerId);
        json.put("ownerName", v.ownerName);
        json.put("mine", v.ownerId.equals(caller.userId()));
        json.put("canChange", v.ownerId.equals(caller.userId()) || caller.administrator());
        json.put("createdAt", String.valueOf(v.createdAt));
        json.put("modifiedAt", String.valueOf(v.modifiedAt));
        return json;
    }
}

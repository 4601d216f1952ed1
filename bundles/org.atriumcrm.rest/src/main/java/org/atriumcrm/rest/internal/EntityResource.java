package org.atriumcrm.rest.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.RelatedList;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.record.FieldChange;
import org.atriumcrm.api.record.RecordStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/<plural>} of one entity type: list, create, read, replace, patch, delete, related lists,
 * duplicate check and merge. A JAX-RS sub-resource that {@link RecordResource} hands out per request.
 */
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final RecordResource owner;
    private final RecordStore<?> store;

    EntityResource(RecordResource owner, RecordStore<?> store) {
        this.owner = owner;
        this.store = store;
    }

    @GET
    public ObjectNode list(@QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @QueryParam("sort") String sort, @QueryParam("q") String q,
            @QueryParam("filter") List<String> filter) {
        return owner.list(store, offset, limit, sort, q, filter, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@QueryParam("allowDuplicates") String allowDuplicates,
            JsonNode body, @Context SecurityContext security) {
        return owner.create(store, body, Requests.flag("allowDuplicates", allowDuplicates), Requests.caller(security));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context Request request) {
        return owner.get(store, id, request);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @QueryParam("allowDuplicates") String allowDuplicates,
            JsonNode body, @Context SecurityContext security) {
        return owner.update(store, id, ifMatch, body, RecordJson.Mode.REPLACE,
                Requests.flag("allowDuplicates", allowDuplicates), Requests.caller(security));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public Response patch(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @QueryParam("allowDuplicates") String allowDuplicates,
            JsonNode body, @Context SecurityContext security) {
        return owner.update(store, id, ifMatch, body, RecordJson.Mode.PATCH,
                Requests.flag("allowDuplicates", allowDuplicates), Requests.caller(security));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security) {
        store.delete(id, Requests.expectedVersion(ifMatch), Requests.caller(security));
        return Response.noContent().build();
    }

    /** The change history of a record, newest first: who changed which field from what to what, and when. */
    @GET
    @Path("{id}/history")
    public ObjectNode history(@PathParam("id") String id, @QueryParam("limit") String limit) {
        if (store.find(id).isEmpty()) {
            throw AtriumException.notFound("no " + store.type().name() + " with id " + id);
        }
        int max = ListQuery.MAX_LIMIT;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > ListQuery.MAX_LIMIT) {
                throw AtriumException.invalidField("limit", "must be between 1 and " + ListQuery.MAX_LIMIT);
            }
        }
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        for (FieldChange c : store.history(id, max)) {
            items.addObject().put("action", c.action()).put("field", c.field()).put("oldValue", c.oldValue())
                    .put("newValue", c.newValue()).put("userId", c.userId()).put("at", c.at().toString());
        }
        return json;
    }

    @GET
    @Path("{id}/{relation}")
    public ObjectNode related(@PathParam("id") String id,
            @PathParam("relation") String relation, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @QueryParam("sort") String sort, @QueryParam("q") String q,
            @QueryParam("filter") List<String> filter) {
        RecordStore<?> parent = store;
        RelatedList list = parent.type().relatedList(relation).orElseThrow(() -> AtriumException.notFound(
                parent.type().pluralLabel().en() + " have no related list '" + relation + "'; they have "
                        + parent.type().relatedLists().stream().map(RelatedList::name).toList()));
        if (parent.find(id).isEmpty()) {
            throw AtriumException.notFound("no " + parent.type().name() + " with id " + id);
        }
        RecordStore<?> child = owner.stores.byNameOrPlural(list.entity());
        return owner.list(child, offset, limit, sort, q, filter, new Condition(list.field(), Operator.EQ, List.of(id)));
    }

    @POST
    @Path("duplicates")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode duplicates(JsonNode body) {
        return owner.duplicates(store, body);
    }

    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response merge(JsonNode body, @Context SecurityContext security) {
        return owner.merge(store, body, Requests.caller(security));
    }
}

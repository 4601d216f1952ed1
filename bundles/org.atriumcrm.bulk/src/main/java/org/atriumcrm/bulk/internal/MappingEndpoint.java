package org.atriumcrm.bulk.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Set;

import javax.ws.rs.Consumes;
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
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.ModuleEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/import-mappings}: a user's saved field mappings, to reuse with {@code mappingId} when the next
 * file has the same layout. Also saved by {@code saveMappingAs} when an import starts.
 */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.PATH_PROPERTY + "=import-mappings")
@Produces(MediaType.APPLICATION_JSON)
public class MappingEndpoint implements ModuleEndpoint {
    private static final Set<String> MEMBERS = Set.of("entity", "name", "columns", "defaults", "values", "duplicates");

    private final BulkRepository repo;
    private final EntityStores stores;

    @Activate
    public MappingEndpoint(@Reference BulkRepository repo, @Reference EntityStores stores,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + BulkModule.ID + ")") ModuleGate gate) {
        this.repo = repo;
        this.stores = stores;
    }

    @GET
    public ObjectNode list(@QueryParam("entity") String entity, @Context SecurityContext security) throws IOException {
        Caller caller = BulkJson.caller(security);
        String name = entity == null ? null : stores.importable(entity, caller).type().name();
        ObjectNode json = ImportSpec.JSON.createObjectNode();
        ArrayNode items = json.putArray("items");
        for (ImportMapping m : repo.mappings(caller, name)) {
            items.add(json(m));
        }
        return json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(JsonNode body, @Context SecurityContext security) throws IOException {
        Caller caller = BulkJson.caller(security);
        ObjectNode request = BulkJson.object(body, MEMBERS, "an import mapping");
        if (!request.path("entity").isTextual()) {
            throw AtriumException.invalidField("entity", "is required, e.g. contacts");
        }
        String name = request.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 100) {
            throw AtriumException.invalidField("name", "is required: 1 to 100 characters");
        }
        if (!request.path("columns").isObject()) {
            throw AtriumException.invalidField("columns", "is required: {\"column heading\": \"field name\"}");
        }
        EntityType<?> type = stores.importable(request.get("entity").textValue(), caller).type();
        ImportSpec spec = ImportSpec.parse(request, type, new ArrayList<>(iterable(request.get("columns"))), null);
        ImportMapping saved = repo.saveMapping(caller, type.name(), name, spec.toJson().toString());
        return Response.status(Response.Status.CREATED).entity(json(saved)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        repo.deleteMapping(id, BulkJson.caller(security));
        return Response.noContent().build();
    }

    private static java.util.List<String> iterable(JsonNode columns) {
        java.util.List<String> names = new ArrayList<>();
        columns.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ObjectNode json(ImportMapping m) throws IOException {
        ObjectNode json = ImportSpec.JSON.createObjectNode();
        json.put("id", m.id);
        json.put("entity", m.entity);
        json.put("name", m.name);
        json.setAll((ObjectNode) ImportSpec.JSON.readTree(m.spec));
        json.put("createdAt", String.valueOf(m.createdAt));
        return json;
    }
}

package org.atriumcrm.search.internal;

import java.io.IOException;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.rest.api.ModuleEndpoint;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/search-index} (administrators): what the quick-search index holds per entity type, and
 * {@code POST /api/v1/search-index/rebuild[?entity=Account]} after records were written around the platform.
 */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.PATH_PROPERTY + "=search-index")
public class SearchIndexEndpoint implements ModuleEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    QuickSearchService search;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode status(@Context SecurityContext security) throws IOException {
        RecordBodies.administrator(security);
        ObjectNode json = JSON.createObjectNode();
        json.put("indexFromRecords", search.indexFromRecords());
        json.set("entities", JSON.valueToTree(search.status()));
        return json;
    }

    @POST
    @Path("rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rebuild(@QueryParam("entity") String entity, @Context SecurityContext security) throws IOException {
        RecordBodies.administrator(security);
        if (!search.rebuild(entity == null || entity.isBlank() ? null : entity)) {
            throw AtriumException.badRequest("no quick-search index for entity " + entity + "; indexed: "
                    + search.status().keySet());
        }
        return Response.accepted(status(security)).build();
    }

    @Override
    public ObjectNode openApiPaths() {
        ObjectNode paths = JSON.createObjectNode();
        ObjectNode get = paths.putObject("/v1/search-index").putObject("get").put("operationId", "getSearchIndex");
        get.putArray("tags").add("Administration");
        get.put("summary", "Quick-search index: indexFromRecords, and per entity type documents, built, building, queued, used (administrators)");
        get.putObject("responses").putObject("200").put("description", "status");
        ObjectNode post = paths.putObject("/v1/search-index/rebuild").putObject("post").put("operationId", "rebuildSearchIndex");
        post.putArray("tags").add("Administration");
        post.put("summary", "Rebuild the quick-search index of one entity type (or all), in the background");
        post.putArray("parameters").addObject().put("name", "entity").put("in", "query").put("required", false)
                .putObject("schema").put("type", "string");
        ObjectNode responses = post.putObject("responses");
        responses.putObject("202").put("description", "rebuild scheduled; the status as it is now");
        responses.putObject("400").put("description", "no index for that entity type").putObject("content")
                .putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        return paths;
    }

}

package org.atriumcrm.printing.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.ModuleEndpoint;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/printed-documents/{id}} and {@code .../{id}/pdf}: a stored document and its bytes, exactly as they
 * were printed or sent. Whoever may see the record it was printed from may read it; anyone else gets the same 404 as
 * for an unknown id (also while that record's module is switched off).
 */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.PATH_PROPERTY + "=printed-documents")
public class PrintedDocumentEndpoint implements ModuleEndpoint {
    private final PrintedDocumentStore documents;
    private final RecordStores stores;
    private final AccessPolicy access;

    @Activate
    public PrintedDocumentEndpoint(@Reference PrintedDocumentStore documents, @Reference RecordStores stores, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PrintingTypes.MODULE + ")") ModuleGate gate) {
        this.documents = documents;
        this.stores = stores;
        this.access = access;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get(@PathParam("id") String id, @Context SecurityContext security) {
        return PrintedDocumentJson.of(visible(id, RecordBodies.caller(security)));
    }

    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response pdf(@PathParam("id") String id, @Context SecurityContext security, @Context Request request) {
        PrintedDocument d = visible(id, RecordBodies.caller(security));
        EntityTag tag = new EntityTag(d.getSha256());
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cache).build();
        }
        byte[] pdf = documents.content(id).orElseThrow(() -> AtriumException.notFound("no printed document with id " + id));
        return Response.ok(pdf, "application/pdf").tag(tag).cacheControl(cache)
                .header("Content-Disposition", PrintAction.disposition("attachment", d.getFileName())).build();
    }

    private PrintedDocument visible(String id, Caller caller) {
        PrintedDocument d = documents.find(id).orElseThrow(() -> AtriumException.notFound("no printed document with id " + id));
        boolean sees = stores.byName(d.getEntityName()).map(s -> access.secure(s, caller).find(d.getRecordId()).isPresent()).orElse(false);
        if (!sees) {
            throw AtriumException.notFound("no printed document with id " + id);
        }
        return d;
    }

    @Override
    public ObjectNode openApiPaths() {
        ObjectNode paths = OperationSchema.object("{}");
        paths.set("/v1/printed-documents/{id}", OperationSchema.object("""
                {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "get": {"operationId": "getPrintedDocument", "tags": ["Printed documents"],
                   "summary": "A document printed or emailed from a record (who may see the record may see it)",
                   "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": %s}}},
                     "401": {"description": "problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                     "404": {"description": "unknown, or its record is not visible to you", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}"""
                .formatted(PrintedDocumentJson.SCHEMA)));
        paths.set("/v1/printed-documents/{id}/pdf", OperationSchema.object("""
                {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "get": {"operationId": "getPrintedDocumentPdf", "tags": ["Printed documents"],
                   "summary": "The stored PDF, byte for byte as it was printed or sent; its ETag is its SHA-256",
                   "responses": {"200": {"description": "the PDF", "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}},
                     "304": {"description": "not modified since the ETag sent in If-None-Match"},
                     "401": {"description": "problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                     "404": {"description": "unknown, or its record is not visible to you", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}"""));
        return paths;
    }
}

package org.atriumcrm.rest.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import javax.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.RecordSharing;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.rest.api.EntityView;
import org.atriumcrm.rest.api.RecordAction;
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
    static final String MERGE_PATCH = "application/merge-patch+json";

    private static final int EXPORT_BATCH = 500;
    private static final Set<String> SHARE_FIELDS = Set.of("principalId", "access");
    private static final Set<String> TRANSFER_FIELDS = Set.of("ownerId", "includeRelated");

    private final RecordResource owner;
    /** The store as the caller may use it (see {@code AccessPolicy}). */
    private final RecordStore<?> store;
    private final Caller caller;

    EntityResource(RecordResource owner, RecordStore<?> store, Caller caller) {
        this.owner = owner;
        this.store = store;
        this.caller = caller;
    }

    @GET
    public ObjectNode list(@QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @QueryParam("sort") String sort, @QueryParam("q") String q,
            @QueryParam("filter") List<String> filter, @QueryParam("total") String total) {
        return owner.list(store, offset, limit, sort, q, filter, null, total);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@QueryParam("allowDuplicates") String allowDuplicates,
            JsonNode body, @Context SecurityContext security) {
        return owner.create(store, body, Requests.flag("allowDuplicates", allowDuplicates), Requests.caller(security));
    }

    /** A record, or a view over the records (e.g. {@code /opportunities/funnel}) when a module registered one by that name. */
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context Request request, @Context javax.ws.rs.core.UriInfo uri) {
        EntityView view = owner.views.get(store.type().name() + "/" + id);
        if (view != null) {
            return Response.ok(view.view(store, uri.getQueryParameters(), caller)).build();
        }
        return owner.get(store, id, request);
    }

    /** A module's operation on the entity type as a whole, e.g. {@code POST /emails/send}. */
    @POST
    @Path("{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response performOnCollection(@PathParam("action") String action, JsonNode body) {
        RecordAction handler = owner.actions.get(store.type().name() + "/*" + action);
        if (handler == null) {
            throw AtriumException.notFound(store.type().pluralLabel().en() + " have no operation '" + action + "'; they have "
                    + RecordResource.collectionActionsFor(owner.actions, store.type().name()));
        }
        return Response.ok(handler.perform(store, null, body, caller)).build();
    }

    /** A module's business operation on a record, e.g. {@code POST /leads/{id}/convert}. */
    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/pdf"})
    public Response perform(@PathParam("id") String id, @PathParam("action") String action, JsonNode body,
            @Context javax.ws.rs.core.UriInfo uri) {
        RecordAction handler = owner.actions.get(store.type().name() + "/" + action);
        if (handler == null) {
            throw AtriumException.notFound(store.type().pluralLabel().en() + " have no action '" + action + "'; they have "
                    + RecordResource.namesFor(owner.actions, store.type().name()));
        }
        Object answer = handler.perform(store, id, body, uri.getQueryParameters(), caller);
        // a file (a printed document) comes as a Response with its own type and headers
        return answer instanceof Response file ? file : Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
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
            throw Problems.recordNotFound(store.type(), id);
        }
        int max = ListParams.limit(limit, ListQuery.MAX_LIMIT);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        for (FieldChange c : store.history(id, max)) {
            items.addObject().put("action", c.action()).put("field", c.field()).put("oldValue", c.oldValue())
                    .put("newValue", c.newValue()).put("userId", c.userId()).put("at", c.at().toString());
        }
        return json;
    }

    /** A module's file of a record, e.g. {@code PUT /products/{id}/image}: the body streamed to the module. */
    @PUT
    @Path("{id}/{file}")
    @Consumes(MediaType.WILDCARD)
    public Response putFile(@PathParam("id") String id, @PathParam("file") String file,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
            java.io.InputStream body) {
        if (!owner.files.containsKey(store.type().name() + "/" + file) && readOnlyPath(file)) {
            // PUT on the history, a related list or a record view: the path exists, the method does not (405 with Allow)
            throw new javax.ws.rs.WebApplicationException(Response.status(Response.Status.METHOD_NOT_ALLOWED).build());
        }
        org.atriumcrm.rest.api.RecordFile handler = fileHandler(file);
        Record record = store.find(id).orElseThrow(() -> Problems.recordNotFound(store.type(), id));
        String type = contentType == null || contentType.isBlank() ? null
                : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        long declared = -1;
        try {
            declared = length == null || length.isBlank() ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw AtriumException.badRequest("Content-Length '" + length + "' is not a number");
        }
        return Response.ok(handler.store(store, record, type, declared, body, caller)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private boolean readOnlyPath(String name) {
        return "history".equals(name) || store.type().relatedList(name).isPresent()
                || owner.recordViews.containsKey(store.type().name() + "/" + name);
    }

    private org.atriumcrm.rest.api.RecordFile fileHandler(String file) {
        org.atriumcrm.rest.api.RecordFile handler = owner.files.get(store.type().name() + "/" + file);
        if (handler == null) {
            throw AtriumException.notFound(store.type().pluralLabel().en() + " have no file '" + file + "'; they have "
                    + RecordResource.namesFor(owner.files, store.type().name()));
        }
        return handler;
    }

    /** The record's file as it was stored, with its type and ETag; a 304 when the client's copy is current. */
    private Response file(org.atriumcrm.rest.api.RecordFile handler, String id, String file, Request request) {
        Record record = store.find(id).orElseThrow(() -> Problems.recordNotFound(store.type(), id));
        org.atriumcrm.rest.api.RecordFile.Content content = handler.read(record).orElseThrow(() -> AtriumException.notFound(
                store.type().name() + " " + id + " has no " + file));
        javax.ws.rs.core.EntityTag tag = new javax.ws.rs.core.EntityTag(content.etag());
        javax.ws.rs.core.CacheControl cache = new javax.ws.rs.core.CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true); // revalidate with the ETag: a replaced file shows at once
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cache).build();
        }
        StreamingOutput bytes = out -> java.nio.file.Files.copy(content.path(), out);
        return Response.ok(bytes).type(content.mediaType()).tag(tag).cacheControl(cache)
                .header(HttpHeaders.CONTENT_LENGTH, content.size()).build();
    }

    @GET
    @Path("{id}/{relation}")
    public Object related(@PathParam("id") String id,
            @PathParam("relation") String relation, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @QueryParam("sort") String sort, @QueryParam("q") String q,
            @QueryParam("filter") List<String> filter, @QueryParam("total") String total,
            @Context javax.ws.rs.core.UriInfo uri, @Context Request request) {
        RecordStore<?> parent = store;
        Optional<RelatedList> named = parent.type().relatedList(relation);
        org.atriumcrm.rest.api.RecordView view = owner.recordViews.get(parent.type().name() + "/" + relation);
        org.atriumcrm.rest.api.RecordFile fileHandler = owner.files.get(parent.type().name() + "/" + relation);
        if (named.isEmpty() && view == null && fileHandler != null) {
            return file(fileHandler, id, relation, request);
        }
        if (named.isEmpty() && view != null) {
            Record record = parent.find(id).orElseThrow(() -> Problems.recordNotFound(parent.type(), id));
            return Json.MAPPER.valueToTree(view.view(parent, record, uri.getQueryParameters(), caller));
        }
        RelatedList list = named.orElseThrow(() -> AtriumException.notFound(
                parent.type().pluralLabel().en() + " have no related list '" + relation + "'; they have "
                        + java.util.stream.Stream.concat(parent.type().relatedLists().stream().map(RelatedList::name),
                                RecordResource.namesFor(owner.recordViews, parent.type().name()).stream()).toList()));
        if (parent.find(id).isEmpty()) {
            throw Problems.recordNotFound(parent.type(), id);
        }
        RecordStore<?> child = owner.stores.secured(owner.stores.byNameOrPlural(list.entity()), caller);
        return owner.list(child, offset, limit, sort, q, filter, new Condition(list.field(), Operator.EQ, List.of(id)), total);
    }

    /**
     * The records of a list query as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs show
     * Chinese correctly) or as an Excel workbook ({@code format=xlsx}), streamed from one database cursor while
     * the client reads: same filter, sort, quick search and permissions as the list, only the fields the caller may
     * see, memory flat however many rows. Needs the export right.
     */
    @GET
    @Path("export")
    @Produces({"text/csv", XLSX})
    public Response export(@QueryParam("sort") String sort, @QueryParam("q") String q,
            @QueryParam("filter") List<String> filter, @QueryParam("bom") String bom, @QueryParam("format") String format) {
        if (format != null && !List.of("csv", "xlsx").contains(format)) {
            throw AtriumException.invalidField("format", "must be csv or xlsx");
        }
        return export(store, sort, q, filter, !"false".equals(bom), "xlsx".equals(format));
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private <T extends Record> Response export(RecordStore<T> records, String sort, String q, List<String> filter, boolean bom,
            boolean xlsx) {
        if (!owner.stores.policy.access(caller, records.type()).can(Right.EXPORT)) {
            throw AtriumException.forbidden("your profiles do not allow you to export " + records.type().pluralLabel().en().toLowerCase());
        }
        ListQuery query = owner.narrow(records.type(), ListParams.parse(records.type(), "0", String.valueOf(EXPORT_BATCH), sort, q, filter));
        records.list(query.withPage(0, 1).withCountLimit(1)); // a bad query is a 4xx before the first byte; nothing counted
        List<FieldDef<T>> fields = records.type().fields();
        StreamingOutput body = xlsx
                ? out -> XlsxExport.write(records.type().pluralLabel().en(), fields, row -> records.forEach(query, row), out)
                : out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (bom) {
                writer.write('\uFEFF');
            }
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                csv.printRecord(fields.stream().map(FieldDef::name).toList());
                List<Object> row = new ArrayList<>(fields.size());
                records.forEach(query, r -> {
                    row.clear();
                    for (FieldDef<T> f : fields) {
                        Object v = f.get(r);
                        row.add(v == null ? null : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString());
                    }
                    try {
                        csv.printRecord(row);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e); // the client went away: the cursor closes
                    }
                });
            }
        };
        String file = records.type().plural() + "-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + (xlsx ? ".xlsx" : ".csv");
        return Response.ok(body, xlsx ? XLSX : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /** Who a record is shared with by hand. */
    @GET
    @Path("{id}/shares")
    public ObjectNode shares(@PathParam("id") String id) {
        visible(id);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        owner.sharing.shares(store.type().name(), id).forEach(s -> items.add(share(s)));
        return json;
    }

    /** Shares the record with a user or group: {@code {"principalId": ..., "access": "read" | "read-write"}}. */
    @POST
    @Path("{id}/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response share(@PathParam("id") String id, JsonNode body) {
        writable(id);
        List<FieldError> errors = unknownMembers(body, SHARE_FIELDS, "a share");
        JsonNode principal = body.get("principalId");
        JsonNode access = body.get("access");
        if (principal == null || !principal.isTextual()) {
            errors.add(new FieldError("principalId", "is required: the id of a user or group"));
        }
        if (access == null || !access.isTextual() || !List.of("read", "read-write").contains(access.textValue())) {
            errors.add(new FieldError("access", "must be \"read\" or \"read-write\""));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        RecordSharing.Share s = owner.sharing.share(store.type().name(), id, principal.textValue(),
                "read-write".equals(access.textValue()), caller);
        return Response.status(Response.Status.CREATED).entity(share(s)).build();
    }

    @DELETE
    @Path("{id}/shares/{shareId}")
    public Response unshare(@PathParam("id") String id, @PathParam("shareId") String shareId) {
        writable(id);
        owner.sharing.revoke(store.type().name(), id, shareId, caller);
        return Response.noContent().build();
    }

    /**
     * Gives the record to another owner (user or group): {@code {"ownerId": ..., "includeRelated": true}}; with
     * {@code includeRelated}, the records of its related lists that the previous owner owned move along.
     */
    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode transfer(@PathParam("id") String id, JsonNode body) {
        Record record = writable(id);
        List<FieldError> errors = unknownMembers(body, TRANSFER_FIELDS, "a transfer");
        JsonNode to = body.get("ownerId");
        JsonNode related = body.get("includeRelated");
        if (to == null || !to.isTextual()) {
            errors.add(new FieldError("ownerId", "is required: the id of the new owner, a user or a group"));
        }
        if (related != null && !related.isBoolean()) {
            errors.add(new FieldError("includeRelated", "must be true or false"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.set("transferred", Json.MAPPER.valueToTree(owner.writes.transfer(store.type().name(), record.getId(), to.textValue(),
                related != null && related.booleanValue(), caller)));
        return json;
    }

    private Record visible(String id) {
        return store.find(id).orElseThrow(() -> Problems.recordNotFound(store.type(), id));
    }

    /** 404 when the caller may not see the record, 403 when they may not change it. */
    private Record writable(String id) {
        Record record = visible(id);
        var access = owner.stores.policy.access(caller, store.type());
        if (!access.canChange(record)) {
            throw AtriumException.forbidden("you may see " + store.type().name() + " " + id + " but not change it or its sharing");
        }
        return record;
    }

    private static List<FieldError> unknownMembers(JsonNode body, Set<String> allowed, String what) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the request body must be a JSON object describing " + what + " " + allowed);
        }
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (!allowed.contains(n)) {
                errors.add(new FieldError(n, "is not a member of " + what + "; expected " + allowed));
            }
        });
        return errors;
    }

    private static ObjectNode share(RecordSharing.Share s) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", s.id());
        json.put("principalId", s.principalId());
        json.put("access", s.readWrite() ? "read-write" : "read");
        json.put("grantedBy", s.grantedBy());
        json.put("grantedAt", s.grantedAt().toString());
        return json;
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

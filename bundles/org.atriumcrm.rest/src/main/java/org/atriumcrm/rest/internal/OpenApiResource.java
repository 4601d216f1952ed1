package org.atriumcrm.rest.internal;

import java.util.Comparator;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.meta.RelatedList;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.rest.api.AtriumRest;
import org.atriumcrm.rest.api.EntityView;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordView;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0 document of the running platform at {@code /api/openapi.json}. It is generated from the
 * entity metadata of the enabled modules rather than scanned from annotations (CXF's OpenApiFeature with
 * swagger-core): our record resources are generic, so only the metadata knows each entity's schema, and a
 * disabled module's paths disappear from the document as they do from the API.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
    @Reference
    Stores stores;

    @Reference
    RecordResource records;

    @Reference
    PublicResource publicEndpoints;

    private String version;

    @Activate
    void activate(BundleContext context) {
        version = context.getBundle().getVersion().toString();
    }

    @GET
    public ObjectNode document(@Context UriInfo uri) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Atrium CRM API");
        info.put("version", version);
        info.put("description", "Records of every enabled module under /api/v1/<plural>. Lists take offset, limit "
                + "(default 50, max 500), sort (e.g. name,-createdAt), q (quick search), filter (e.g. "
                + "industry eq 'retail' and annualRevenue ge 1000000; operators eq ne lt le gt ge in like, is null, "
                + "is not null) and total (bounded, the default: the count stops at 10000 matches and the page says "
                + "totalExact false; exact: count them all). Errors are application/problem+json (RFC 9457) in the "
                + "caller's language: the user's language setting (GET/PATCH /api/v1/me), else Accept-Language (zh, zh-CN: "
                + "Simplified Chinese; anything else: English), named by Content-Language; texts without a translation stay "
                + "English. Branch on what is the same in every language: the problem type and each field error's code. "
                + "Text values are trimmed and an empty text is no value (so a blank required text is refused); money "
                + "is an exact decimal with at most 15 digits before the point and 4 after; instants are ISO-8601 with an "
                + "offset, answered in UTC. Writes take If-Match with the ETag of a read (412 when stale); PUT and PATCH "
                + "accept read-only fields (id, createdAt, version...) when they are sent back unchanged.");
        // absolute, from the request: generated clients resolve nothing against the document's own address
        doc.putArray("servers").addObject().put("url", serverUrl(uri));
        doc.putArray("security").addObject().putArray("basic");
        doc.withArray("security").addObject().putArray("bearer");
        ObjectNode cookie = doc.withArray("security").addObject();
        cookie.putArray("session");
        cookie.putArray("csrf");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("basic").put("type", "http").put("scheme", "basic");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", AtriumRest.SESSION_COOKIE)
                .put("description", "the web UI's login (POST /api/v1/session); used when no Authorization header is sent");
        schemes.putObject("csrf").put("type", "apiKey").put("in", "header").put("name", AtriumRest.CSRF_HEADER)
                .put("description", "with the session cookie: the session's csrfToken, required on POST, PUT, PATCH and DELETE"
                        + " (403 csrf without it)");
        ObjectNode schemas = components.putObject("schemas");
        OpenApiShapes.common(components);
        platformPaths(paths, schemas);
        publicEndpoints.summaries().forEach((segment, summary) -> {
            ObjectNode own = publicEndpoints.openApiPaths(segment);
            if (own != null) {
                publicPaths(own, segment, paths);
                return;
            }
            ObjectNode post = op(paths.putObject("/v1/public/" + segment), "post",
                    "post" + OperationIds.pascal("public-" + segment), "Public", summary.isEmpty()
                    ? "Unauthenticated endpoint of a module" : summary);
            post.putArray("security");
            requestBody(post, null);
            post.putObject("responses").putObject("202").put("description", "received");
            problems(post, "400", "403", "404", "413", "415", "429");
        });
        stores.all().stream().sorted(Comparator.comparing(s -> s.type().name()))
                .forEach(s -> entityPaths(s, paths, schemas));
        for (org.atriumcrm.rest.api.ModuleEndpoint endpoint : records.moduleEndpoints()) {
            ObjectNode own = endpoint.openApiPaths();
            if (own != null) {
                own.fields().forEachRemaining(e -> {
                    if (!paths.has(e.getKey())) { // never over a platform or entity path
                        paths.set(e.getKey(), e.getValue());
                    }
                });
            }
        }
        OpenApiShapes.complete(paths);
        OperationIds.assign(paths);
        return doc;
    }

    /** The methods the path (e.g. {@code /api/v1/accounts}) supports, as the document lists them; empty when it has no such path. */
    java.util.List<String> allowedMethods(String requestPath) {
        return AllowedMethods.of(document(null).get("paths"), requestPath);
    }

    /** What a public endpoint documents itself, below its own prefix only, public and with the problems any may give. */
    private static void publicPaths(ObjectNode own, String segment, ObjectNode paths) {
        String prefix = "/v1/public/" + segment;
        own.fields().forEachRemaining(e -> {
            if ((e.getKey().equals(prefix) || e.getKey().startsWith(prefix + "/")) && e.getValue() instanceof ObjectNode item) {
                for (String method : OperationIds.METHODS) {
                    if (item.get(method) instanceof ObjectNode op) {
                        op.putArray("security");
                        if (!op.has("tags")) {
                            op.putArray("tags").add("Public");
                        }
                        problems(op, "404", "429");
                    }
                }
                paths.set(e.getKey(), item);
            }
        });
    }

    /** {@code http://host:port/api} as the client reached it. */
    static String serverUrl(UriInfo uri) {
        String base = uri == null ? "/" + AtriumRest.BASE : uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private <T extends Record> void entityPaths(RecordStore<T> store, ObjectNode paths, ObjectNode schemas) {
        EntityType<T> type = store.type();
        String name = type.name();
        String plural = OperationIds.pascal(type.plural());
        String ref = OpenApiShapes.SCHEMAS + name;
        schemas.set(name, OpenApiShapes.entity(type, false));
        schemas.set(name + "Patch", OpenApiShapes.entity(type, true));
        schemas.set(name + "Page", pageSchema(ref));
        String tag = type.pluralLabel().en();
        String base = "/v1/" + type.plural();
        String one = type.label().en();
        ObjectNode collection = paths.putObject(base);
        ObjectNode list = op(collection, "get", "list" + plural, tag, "List " + type.pluralLabel().en());
        listParameters(list.putArray("parameters"), type);
        response(list, "200", refSchema(OpenApiShapes.SCHEMAS + name + "Page"));
        problems(list, "400", "403");
        ObjectNode create = op(collection, "post", "create" + name, tag, "Create a " + one
                + " (409 with the duplicates found unless allowDuplicates=true)");
        create.putArray("parameters").addObject().put("name", "allowDuplicates").put("in", "query")
                .put("description", "create it even when it looks like an existing record")
                .putObject("schema").put("type", "boolean").put("default", false);
        body(create, ref);
        response(create, "201", refSchema(ref));
        OpenApiShapes.headers(create, "201", "ETag", "Location");
        problems(create, "400", "403", "409", "413", "415");

        ObjectNode item = paths.putObject(base + "/{id}");
        idParam(item);
        ObjectNode get = op(item, "get", "get" + name, tag, "Read a " + one + " (ETag = version; If-None-Match answers 304)");
        get.putArray("parameters").addObject().put("name", "If-None-Match").put("in", "header")
                .put("description", "the ETag of a previous read: 304 without a body when unchanged").putObject("schema").put("type", "string");
        response(get, "200", refSchema(ref));
        OpenApiShapes.headers(get, "200", "ETag");
        get.withObject("/responses").putObject("304").put("description", "not modified since the ETag sent in If-None-Match");
        problems(get, "404");
        ObjectNode put = op(item, "put", "update" + name, tag, "Replace a " + one + ": writable fields left out are cleared"
                + " (If-Match for optimistic locking; read-only fields may be sent back unchanged)");
        OpenApiShapes.ifMatch(put);
        body(put, ref);
        response(put, "200", refSchema(ref));
        OpenApiShapes.headers(put, "200", "ETag");
        problems(put, "400", "403", "404", "409", "412", "413", "415");
        ObjectNode patch = op(item, "patch", "patch" + name, tag, "Change some fields of a " + one
                + " (only the fields sent; null clears one; If-Match for optimistic locking)");
        OpenApiShapes.ifMatch(patch);
        ObjectNode patchContent = patch.putObject("requestBody").put("required", true).putObject("content");
        patchContent.putObject("application/json").set("schema", refSchema(ref + "Patch"));
        patchContent.putObject(EntityResource.MERGE_PATCH).set("schema", refSchema(ref + "Patch"));
        response(patch, "200", refSchema(ref));
        OpenApiShapes.headers(patch, "200", "ETag");
        problems(patch, "400", "403", "404", "409", "412", "413", "415");
        ObjectNode delete = op(item, "delete", "delete" + name, tag, "Move a " + one + " to the recycle bin");
        OpenApiShapes.ifMatch(delete);
        delete.putObject("responses").putObject("204").put("description", "moved to the recycle bin");
        problems(delete, "403", "404", "412");

        ObjectNode history = paths.putObject(base + "/{id}/history");
        idParam(history);
        ObjectNode historyGet = op(history, "get", "get" + name + "History", tag, "Change history of a " + one
                + ": action, field, old and new value, who, when (newest first)");
        historyGet.putArray("parameters").add(OpenApiShapes.limitParameter(ListQuery.MAX_LIMIT));
        response(historyGet, "200", refSchema(OpenApiShapes.SCHEMAS + "History"));
        problems(historyGet, "400", "404");
        for (RelatedList r : type.relatedLists()) {
            ObjectNode related = paths.putObject(base + "/{id}/" + r.name());
            idParam(related);
            ObjectNode relatedGet = op(related, "get", "list" + name + OperationIds.pascal(r.name()), tag,
                    r.label().en() + " of a " + one);
            listParameters(relatedGet.putArray("parameters"), stores.byName(r.entity()).map(RecordStore::type).orElse(null));
            response(relatedGet, "200", refSchema(OpenApiShapes.SCHEMAS + r.entity() + "Page"));
            problems(relatedGet, "400", "404");
        }
        ObjectNode merge = op(paths.putObject(base + "/merge"), "post", "merge" + plural, tag,
                "Merge two duplicate " + type.pluralLabel().en() + ": the survivor takes the named fields (take) or values of the"
                + " merged one, which goes to the recycle bin; references move to the survivor");
        ObjectNode mergeBody = Json.MAPPER.createObjectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode mp = mergeBody.putObject("properties");
        mp.putObject("survivorId").put("type", "string").put("format", "uuid");
        mp.putObject("mergedId").put("type", "string").put("format", "uuid");
        mp.putObject("take").put("type", "array").put("description", "fields whose value comes from the merged record")
                .putObject("items").put("type", "string");
        mp.putObject("values").put("$ref", ref + "Patch");
        mergeBody.putArray("required").add("survivorId").add("mergedId");
        merge.putObject("requestBody").put("required", true).putObject("content").putObject("application/json").set("schema", mergeBody);
        response(merge, "200", refSchema(ref));
        OpenApiShapes.headers(merge, "200", "ETag");
        problems(merge, "400", "403", "404", "409", "412", "413", "415");
        ObjectNode export = op(paths.putObject(base + "/export"), "get", "export" + plural, tag, "The list as CSV (UTF-8 with BOM) or Excel"
                + " (format=xlsx), streamed from one cursor in constant memory: same filter, sort, q and permissions as the"
                + " list, only the fields the caller may see (export right)");
        ArrayNode exportParams = export.putArray("parameters");
        listParameters(exportParams, type);
        exportParams.addObject().put("name", "bom").put("in", "query").put("description", "CSV: start with a byte order mark")
                .putObject("schema").put("type", "boolean");
        ObjectNode formatSchema = exportParams.addObject().put("name", "format").put("in", "query").putObject("schema");
        formatSchema.put("type", "string").put("default", "csv").putArray("enum").add("csv").add("xlsx");
        ObjectNode exportContent = export.putObject("responses").putObject("200").put("description", "CSV or Excel")
                .putObject("content");
        exportContent.putObject("text/csv").putObject("schema").put("type", "string");
        exportContent.putObject("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").putObject("schema")
                .put("type", "string").put("format", "binary");
        problems(export, "400", "403");
        ObjectNode shares = paths.putObject(base + "/{id}/shares");
        idParam(shares);
        response(op(shares, "get", "list" + name + "Shares", tag, "Users and groups the " + one + " is shared with by hand"), "200",
                refSchema(OpenApiShapes.SCHEMAS + "ShareList"));
        problems((ObjectNode) shares.get("get"), "404");
        ObjectNode share = op(shares, "post", "share" + name, tag, "Share it with a user or group: principalId, access (read | read-write);"
                + " needs edit access to the record");
        share.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", refSchema(OpenApiShapes.SCHEMAS + "ShareRequest"));
        response(share, "201", refSchema(OpenApiShapes.SCHEMAS + "Share"));
        problems(share, "400", "403", "404", "409", "415");
        ObjectNode unshare = paths.putObject(base + "/{id}/shares/{shareId}");
        unshare.putArray("parameters").add(pathParam("id")).add(pathParam("shareId"));
        ObjectNode unshareOp = op(unshare, "delete", "unshare" + name, tag, "Stop sharing");
        unshareOp.putObject("responses").putObject("204").put("description", "revoked");
        problems(unshareOp, "403", "404");
        ObjectNode transferPath = paths.putObject(base + "/{id}/transfer");
        transferPath.putArray("parameters").add(pathParam("id"));
        ObjectNode transfer = op(transferPath, "post", "transfer" + name, tag, "Give the " + one
                + " to another owner (user or group): ownerId, includeRelated (records of its related lists the previous owner owned)");
        transfer.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", refSchema(OpenApiShapes.SCHEMAS + "TransferRequest"));
        response(transfer, "200", refSchema(OpenApiShapes.SCHEMAS + "TransferResult"));
        problems(transfer, "400", "403", "404", "415");
        for (String action : RecordResource.namesFor(records.actions, name)) {
            String summary = records.summaries.getOrDefault("action:" + name + "/" + action, "");
            ObjectNode path = paths.putObject(base + "/{id}/" + action);
            idParam(path);
            ObjectNode perform = op(path, "post", OperationIds.camel(action) + name, tag, summary.isEmpty() ? action + " a " + one : summary);
            OperationSchema declared = declared(records.actions.get(name + "/" + action), RecordAction::actionSchema);
            requestBody(perform, declared);
            if (declared != null && declared.parameters() != null) {
                perform.set("parameters", declared.parameters());
            }
            ObjectNode answer = answer(declared);
            if (answer.has(RecordAction.STATUS_MEMBER)) { // queued work (202): documented under its own status
                ObjectNode schema = answer.deepCopy();
                String status = schema.remove(RecordAction.STATUS_MEMBER).asText();
                response(perform, status, schema);
                ((ObjectNode) perform.get("responses").get(status)).put("description", "Accepted");
            } else if (answer.has(MEDIA_TYPE)) { // a file (RecordAction.PDF_ANSWER), under its own media type
                String mediaType = answer.get(MEDIA_TYPE).asText();
                ObjectNode schema = answer.deepCopy();
                schema.remove(MEDIA_TYPE);
                ObjectNode responses = perform.has("responses") ? (ObjectNode) perform.get("responses") : perform.putObject("responses");
                responses.putObject("200").put("description", "OK").putObject("content").putObject(mediaType).set("schema", schema);
            } else {
                response(perform, "200", answer);
            }
            problems(perform, "400", "403", "404", "409", "413", "415");
        }
        for (String action : RecordResource.collectionActionsFor(records.actions, name)) {
            String summary = records.summaries.getOrDefault("action:" + name + "/*" + action, "");
            ObjectNode perform = op(paths.putObject(base + "/" + action), "post", OperationIds.camel(action) + plural, tag,
                    summary.isEmpty() ? action : summary);
            OperationSchema declared = declared(records.actions.get(name + "/*" + action), RecordAction::actionSchema);
            requestBody(perform, declared);
            response(perform, "200", answer(declared));
            problems(perform, "400", "403", "409", "413", "415");
        }
        for (String view : RecordResource.namesFor(records.views, name)) {
            String summary = records.summaries.getOrDefault("view:" + name + "/" + view, "");
            ObjectNode get2 = op(paths.putObject(base + "/" + view), "get", "get" + plural + OperationIds.pascal(view), tag,
                    summary.isEmpty() ? view + " of " + type.pluralLabel().en() : summary);
            OperationSchema declared = declared(records.views.get(name + "/" + view), EntityView::viewSchema);
            if (declared != null && declared.parameters() != null) {
                get2.set("parameters", declared.parameters());
            }
            response(get2, "200", answer(declared));
            problems(get2, "400", "403");
        }
        for (String view : RecordResource.namesFor(records.recordViews, name)) {
            if (type.relatedList(view).isPresent()) {
                continue; // a related list of that name wins, as it does in the API
            }
            String summary = records.summaries.getOrDefault("record-view:" + name + "/" + view, "");
            ObjectNode path = paths.putObject(base + "/{id}/" + view);
            idParam(path);
            ObjectNode get2 = op(path, "get", "get" + name + OperationIds.pascal(view), tag, summary.isEmpty() ? view + " of a " + one : summary);
            OperationSchema declared = declared(records.recordViews.get(name + "/" + view), RecordView::recordViewSchema);
            if (declared != null && declared.parameters() != null) {
                get2.set("parameters", declared.parameters());
            }
            response(get2, "200", answer(declared));
            problems(get2, "400", "403", "404");
        }
        for (String file : RecordResource.namesFor(records.files, name)) {
            String key = name + "/" + file;
            String summary = records.summaries.getOrDefault("file:" + key, "");
            ObjectNode path = paths.putObject(base + "/{id}/" + file);
            idParam(path);
            ObjectNode putFile = op(path, "put", "put" + name + OperationIds.pascal(file), tag,
                    summary.isEmpty() ? "Store the " + file + " of a " + one : summary);
            ObjectNode content = putFile.putObject("requestBody").put("required", true).putObject("content");
            String types = records.summaries.getOrDefault("file-types:" + key, "");
            for (String t : types.isBlank() ? List.of("application/octet-stream") : List.of(types.split(","))) {
                content.putObject(t.strip()).putObject("schema").put("type", "string").put("format", "binary");
            }
            response(putFile, "200", refSchema(ref));
            problems(putFile, "400", "403", "404", "413", "415");
            ObjectNode get2 = op(path, "get", "get" + name + OperationIds.pascal(file), tag, "The " + file + " of a " + one
                    + " as stored, with its type and ETag");
            ObjectNode ok = get2.withObject("/responses").putObject("200").put("description", "the file").putObject("content");
            for (String t : types.isBlank() ? List.of("application/octet-stream") : List.of(types.split(","))) {
                ok.putObject(t.strip()).putObject("schema").put("type", "string").put("format", "binary");
            }
            get2.withObject("/responses").putObject("304").put("description", "not modified since the ETag sent in If-None-Match");
            problems(get2, "404");
        }
        ObjectNode dups = op(paths.putObject(base + "/duplicates"), "post", "find" + name + "Duplicates", tag,
                "Find likely duplicates of a " + one + " (by its duplicate rules) among the records you may see");
        ObjectNode dupContent = dups.putObject("requestBody").put("required", true).putObject("content");
        dupContent.putObject("application/json").set("schema", refSchema(ref + "Patch"));
        response(dups, "200", refSchema(OpenApiShapes.SCHEMAS + "RecordSummaryList"));
        problems(dups, "400", "413", "415");
    }

    /** What a module says about its operation, or null for an untyped one (a module that says nothing). */
    private static <C> OperationSchema declared(C contribution, java.util.function.Function<C, OperationSchema> schema) {
        return contribution == null ? null : schema.apply(contribution);
    }

    private static void requestBody(ObjectNode op, OperationSchema declared) {
        ObjectNode schema = declared == null || declared.request() == null
                ? Json.MAPPER.createObjectNode().put("type", "object") : declared.request();
        op.putObject("requestBody").put("required", declared != null && declared.request() != null)
                .putObject("content").putObject("application/json").set("schema", schema);
    }

    /** A vendor member of an action's answer schema naming the media type of a file it answers with. */
    private static final String MEDIA_TYPE = "x-atrium-media-type";

    private static ObjectNode answer(OperationSchema declared) {
        return declared == null || declared.response() == null ? Json.MAPPER.createObjectNode().put("type", "object")
                : declared.response();
    }

    private void platformPaths(ObjectNode paths, ObjectNode schemas) {
        ObjectNode entityTypes = op(paths.putObject("/v1/meta/entities"), "get", "listEntityTypes", "Metadata",
                "Entity types of the enabled modules the caller may view (ETag of the list; If-None-Match answers 304)");
        entityTypes.putArray("parameters").addObject().put("name", "If-None-Match").put("in", "header")
                .put("description", "the ETag of a previous read: 304 without a body while the list is unchanged")
                .putObject("schema").put("type", "string");
        response(entityTypes, "200", refSchema(OpenApiShapes.SCHEMAS + "EntityTypeList"));
        OpenApiShapes.headers(entityTypes, "200", "ETag");
        entityTypes.withObject("/responses").putObject("304").put("description", "the list is the one of the ETag sent in If-None-Match");
        ObjectNode meta = paths.putObject("/v1/meta/entities/{name}");
        meta.putArray("parameters").addObject().put("name", "name").put("in", "path").put("required", true)
                .putObject("schema").put("type", "string");
        response(op(meta, "get", "getEntityType", "Metadata", "Fields, labels (en, zh-CN), picklists, references of one entity type"), "200",
                refSchema(OpenApiShapes.SCHEMAS + "EntityTypeDetails"));
        problems((ObjectNode) meta.get("get"), "403", "404");
        response(op(paths.putObject("/v1/meta/screens"), "get", "listUiScreens", "Metadata",
                "Screens and home-page widgets that enabled modules add to the web UI, as far as you may use them"), "200",
                refSchema(OpenApiShapes.SCHEMAS + "UiScreenList"));
        response(op(paths.putObject("/v1/admin/modules"), "get", "listModules", "Administration", "Installed modules and their state"), "200",
                refSchema(OpenApiShapes.SCHEMAS + "ModuleList"));
        ObjectNode module = paths.putObject("/v1/admin/modules/{id}");
        module.putArray("parameters").add(pathParam("id"));
        response(op(module, "get", "getModule", "Administration", "One module and its state"), "200",
                refSchema(OpenApiShapes.SCHEMAS + "Module"));
        problems((ObjectNode) module.get("get"), "404");
        ObjectNode enable = paths.putObject("/v1/admin/modules/{id}/enable");
        enable.putArray("parameters").add(pathParam("id"));
        ObjectNode enableOp = op(enable, "post", "enableModule", "Administration", "Enable a module (409 while a module it requires is off)");
        response(enableOp, "200", ref("Module"));
        problems(enableOp, "404", "409");
        ObjectNode disable = paths.putObject("/v1/admin/modules/{id}/disable");
        ArrayNode disableParams = disable.putArray("parameters");
        disableParams.add(pathParam("id"));
        disableParams.addObject().put("name", "cascade").put("in", "query").putObject("schema").put("type", "boolean");
        ObjectNode disableOp = op(disable, "post", "disableModule", "Administration",
                "Disable a module; its data stays (409 for platform modules, or while others require it unless cascade=true)");
        response(disableOp, "200", ref("Module"));
        problems(disableOp, "404", "409");
        ObjectNode changes = paths.putObject("/v1/admin/modules/{id}/changes");
        changes.putArray("parameters").add(pathParam("id"));
        response(op(changes, "get", "listModuleChangesOf", "Administration", "Who enabled or disabled the module, and when"), "200", ref("ModuleChangeList"));
        response(op(paths.putObject("/v1/admin/module-changes"), "get", "listModuleChanges", "Administration", "All module changes, newest first"), "200", ref("ModuleChangeList"));
        response(op(paths.putObject("/v1/admin/system"), "get", "getSystem", "Administration", "Version, uptime and heap"), "200", ref("SystemInfo"));
        response(op(paths.putObject("/v1/admin/routes"), "get", "listRoutes", "Administration",
                "Camel routes contributed by modules and plugins, with module and status"), "200", ref("RouteList"));
        securityPaths(paths);
        ObjectNode users = paths.putObject("/v1/admin/users");
        response(op(users, "get", "listUsers", "Users", "All users (administrators only, like all of /v1/admin)"), "200", ref("UserList"));
        ObjectNode newUser = op(users, "post", "createUser", "Users", "Create a user: loginName, password (10+ characters, 4+ different), displayName, email, mobile, language, timeZone, roleId, profileIds (default: standard), groupIds");
        newUser.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", ref("UserCreate"));
        response(newUser, "201", ref("User"));
        problems(newUser, "400", "403", "409");
        ObjectNode reset = paths.putObject("/v1/admin/users/{id}/password");
        reset.putArray("parameters").add(pathParam("id"));
        ObjectNode resetOp = op(reset, "post", "setUserPassword", "Users", "Set a user's password (newPassword) and unlock the account");
        resetOp.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", refSchema(OpenApiShapes.SCHEMAS + "PasswordReset"));
        resetOp.putObject("responses").putObject("204").put("description", "changed");
        problems(resetOp, "400", "404", "415");
        response(op(paths.putObject("/v1/admin/login-events"), "get", "listLoginEvents", "Users",
                "Password verifications, newest first: login, outcome, reason, client address"), "200", ref("LoginEventList"));
        ObjectNode change = op(paths.putObject("/v1/me/password"), "post", "changeMyPassword", "Users",
                "Change my password (currentPassword, newPassword: 10+ characters, 4+ different)");
        change.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", refSchema(OpenApiShapes.SCHEMAS + "PasswordChange"));
        change.putObject("responses").putObject("204").put("description", "changed");
        problems(change, "400", "415");
        ObjectNode plugins = paths.putObject("/v1/admin/plugins");
        response(op(plugins, "get", "listPlugins", "Plugins", "Installed plugins: bundle state, module state, failure reason"), "200", ref("PluginList"));
        ObjectNode upload = op(plugins, "post", "installPlugin", "Plugins", "Install or update a plugin: the bundle jar or a KAR as the raw body");
        upload.putObject("requestBody").put("required", true).putObject("content").putObject("application/java-archive")
                .putObject("schema").put("type", "string").put("format", "binary");
        response(upload, "201", ref("PluginInstallation"));
        response(upload, "200", ref("PluginInstallation"));
        ((ObjectNode) upload.at("/responses/200")).put("description", "the same bundle or KAR was installed already: updated");
        problems(upload, "400", "409", "413", "415");
        ObjectNode plugin = paths.putObject("/v1/admin/plugins/{id}");
        plugin.putArray("parameters").add(pathParam("id"));
        response(op(plugin, "get", "getPlugin", "Plugins", "One plugin (bundle id or symbolic name)"), "200", ref("Plugin"));
        ObjectNode uninstall = op(plugin, "delete", "uninstallPlugin", "Plugins", "Uninstall a plugin; its tables stay unless purgeData=true");
        uninstall.putArray("parameters").addObject().put("name", "purgeData").put("in", "query").putObject("schema").put("type", "boolean");
        uninstall.putObject("responses").putObject("204").put("description", "uninstalled");
        response(uninstall, "200", ref("PluginRemoval"));
        ((ObjectNode) uninstall.at("/responses/200")).put("description", "uninstalled, with purgeData=true: the tables dropped");
        ObjectNode kar = paths.putObject("/v1/admin/plugins/kars/{name}");
        kar.putArray("parameters").add(pathParam("name"));
        op(kar, "delete", "uninstallKar", "Plugins", "Uninstall an uploaded KAR and its features").putObject("responses").putObject("204")
                .put("description", "uninstalled");
        ObjectNode bin = op(paths.putObject("/v1/recycle-bin"), "get", "listRecycleBin", "Recycle bin", "Deleted records, newest first");
        ArrayNode binParams = bin.putArray("parameters");
        binParams.addObject().put("name", "entity").put("in", "query").put("description", "one entity type (name or plural)")
                .putObject("schema").put("type", "string");
        binParams.add(OpenApiShapes.offsetParameter());
        binParams.add(OpenApiShapes.limitParameter(ListQuery.DEFAULT_LIMIT));
        response(bin, "200", refSchema(OpenApiShapes.SCHEMAS + "RecycleBinPage"));
        problems(bin, "400", "404");
        ObjectNode restore = paths.putObject("/v1/recycle-bin/{entity}/{id}/restore");
        restore.putArray("parameters").add(pathParam("entity")).add(pathParam("id"));
        response(op(restore, "post", "restoreRecord", "Recycle bin", "Restore a deleted record (answers it as its entity type's schema)"), "200", ref("Record"));
        problems((ObjectNode) restore.get("post"), "404", "409");
        ObjectNode purge = paths.putObject("/v1/recycle-bin/{entity}/{id}");
        purge.putArray("parameters").add(pathParam("entity")).add(pathParam("id"));
        ObjectNode purgeOp = op(purge, "delete", "purgeRecord", "Recycle bin", "Delete a record from the bin for good");
        purgeOp.putObject("responses").putObject("204").put("description", "purged");
        problems(purgeOp, "403", "404");
        ObjectNode health = op(paths.putObject("/v1/health"), "get", "getHealth", "Platform", "Platform-ready signal (public)");
        health.putArray("security");
        response(health, "200", ref("Health"));
        response(health, "503", ref("Health"));
        ((ObjectNode) health.get("responses").get("503")).put("description",
                "STARTING: waitingFor lists the boot features, module stores and API resources not yet served");
        sessionPaths(paths);
        ObjectNode mePath = paths.putObject("/v1/me");
        ObjectNode me = op(mePath, "get", "getMe", "Users", "The authenticated user");
        response(me, "200", refSchema(OpenApiShapes.SCHEMAS + "Me"));
        ObjectNode meUpdate = op(mePath, "patch", "updateMe", "Users",
                "Change my own details: display name, e-mail, mobile, language (the web UI's), time zone");
        body(meUpdate, OpenApiShapes.SCHEMAS + "MePatch");
        response(meUpdate, "200", refSchema(OpenApiShapes.SCHEMAS + "Me"));
        problems(meUpdate, "400", "415");
        ObjectNode tokens = paths.putObject("/v1/me/tokens");
        response(op(tokens, "get", "listMyTokens", "Users", "My API tokens (never the secrets)"), "200", ref("ApiTokenList"));
        ObjectNode newToken = op(tokens, "post", "createMyToken", "Users", "Create an API token; the secret is shown once");
        ObjectNode tokenBody = Json.MAPPER.createObjectNode().put("type", "object");
        tokenBody.putObject("properties").putObject("name").put("type", "string");
        tokenBody.withObject("/properties").putObject("expiresAt").put("type", "string").put("format", "date-time");
        tokenBody.putArray("required").add("name");
        problems(newToken, "400", "415");
        newToken.putObject("requestBody").put("required", true).putObject("content").putObject("application/json").set("schema", tokenBody);
        response(newToken, "201", ref("IssuedApiToken"));
        ObjectNode revoke = paths.putObject("/v1/me/tokens/{id}");
        revoke.putArray("parameters").add(pathParam("id"));
        op(revoke, "delete", "revokeMyToken", "Users", "Revoke an API token").putObject("responses").putObject("204").put("description", "revoked");
        ObjectNode directory = op(paths.putObject("/v1/directory"), "get", "listDirectory", "Users",
                "Colleagues and groups who can own records (for every signed-in user): active users first, then by name");
        ArrayNode directoryParams = directory.putArray("parameters");
        directoryParams.addObject().put("name", "q").put("in", "query")
                .put("description", "a part of the name or login name, any case").putObject("schema").put("type", "string");
        directoryParams.add(OpenApiShapes.limitParameter(200).put("description", "entries at most"));
        directoryParams.addObject().put("name", "inactive").put("in", "query")
                .put("description", "false leaves out users who can no longer sign in")
                .putObject("schema").put("type", "boolean").put("default", true);
        response(directory, "200", ref("Directory"));
        problems(directory, "400");
        listViewPaths(paths);
    }

    /** Saved list views, own and shared (answered by the security bundle). */
    private static void listViewPaths(ObjectNode paths) {
        ObjectNode views = paths.putObject("/v1/list-views");
        ObjectNode list = op(views, "get", "listListViews", "List views", "My list views and the shared ones, by name");
        list.putArray("parameters").addObject().put("name", "entity").put("in", "query")
                .put("description", "one entity type (name or plural)").putObject("schema").put("type", "string");
        response(list, "200", ref("ListViewList"));
        problems(list, "400");
        ObjectNode create = op(views, "post", "createListView", "List views",
                "Save a list view: columns, sort and filter as the list URL takes them; shared views are seen by everyone");
        body(create, OpenApiShapes.SCHEMAS + "ListViewCreate");
        response(create, "201", ref("ListView"));
        OpenApiShapes.headers(create, "201", "Location");
        problems(create, "400", "409", "415");
        ObjectNode one = paths.putObject("/v1/list-views/{id}");
        one.putArray("parameters").add(pathParam("id"));
        ObjectNode get = op(one, "get", "getListView", "List views", "One of my list views or a shared one");
        response(get, "200", ref("ListView"));
        problems(get, "404");
        ObjectNode patch = op(one, "patch", "patchListView", "List views", "Change a list view (its owner or an administrator)");
        body(patch, OpenApiShapes.SCHEMAS + "ListViewPatch");
        response(patch, "200", ref("ListView"));
        problems(patch, "400", "403", "404", "409", "415");
        ObjectNode delete = op(one, "delete", "deleteListView", "List views", "Delete a list view (its owner or an administrator)");
        delete.putObject("responses").putObject("204").put("description", "deleted");
        problems(delete, "403", "404");
    }

    /** The web UI's login: a cookie session with a CSRF token (answered by the security bundle). */
    private static void sessionPaths(ObjectNode paths) {
        ObjectNode session = paths.putObject("/v1/session");
        ObjectNode login = op(session, "post", "createSession", "Session", "Log in: the password check, lockout and login audit"
                + " of HTTP Basic; sets the ATRIUM_SESSION cookie. A wrong password or a locked account is the same 401");
        login.putArray("security");
        body(login, OpenApiShapes.SCHEMAS + "SessionLogin");
        response(login, "201", ref("Session"));
        OpenApiShapes.headers(login, "201", "Set-Cookie", "Location");
        problems(login, "400", "401", "413", "415");
        ObjectNode current = op(session, "get", "getSession", "Session", "The session the cookie names, with its CSRF token (after a reload)");
        response(current, "200", ref("Session"));
        ObjectNode logout = op(session, "delete", "deleteSession", "Session", "Log out: the session ends on the server and the cookie is cleared");
        logout.putObject("responses").putObject("204").put("description", "logged out");
        OpenApiShapes.headers(logout, "204", "Set-Cookie");
        problems(logout, "403");
    }

    /** The administration of the security model (answered by the security bundle; documented here, in one document). */
    private static void securityPaths(ObjectNode paths) {
        String[][] collections = {
            {"roles", "Roles", "the role hierarchy (?tree=true nests children)", "name, parentId, description", "Roles", "Role"},
            {"profiles", "Profiles", "rights per entity type and field-level security",
                "name, description, rights {entity|*: [view, create, edit, delete, export, import, viewAll]},"
                        + " fields {entity: {field: hidden | read-only | editable}}", "Profiles", "Profile"},
            {"groups", "Groups", "teams of users; groups can own records", "name, description, members [user ids]", "Groups", "Group"},
            {"sharing-rules", "Sharing rules", "records owned by a role/role-and-subordinates/group shared with another",
                "name, entity, sourceKind, sourceId, targetKind, targetId, access (read | read-write)", "SharingRules", "SharingRule"}};
        for (String[] c : collections) {
            ObjectNode coll = paths.putObject("/v1/admin/" + c[0]);
            response(op(coll, "get", "list" + c[4], "Security", "All " + c[1].toLowerCase() + ": " + c[2]), "200", ref(c[5] + "List"));
            ObjectNode create = op(coll, "post", "create" + c[5], "Security", "Create: " + c[3]);
            create.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .set("schema", ref(c[5] + "Request"));
            response(create, "201", ref(c[5]));
            problems(create, "400", "403", "409");
            ObjectNode item = paths.putObject("/v1/admin/" + c[0] + "/{id}");
            item.putArray("parameters").add(pathParam("id"));
            if (!c[0].equals("sharing-rules")) {
                response(op(item, "get", "get" + c[5], "Security", "One of the " + c[1].toLowerCase()), "200", ref(c[5]));
                ObjectNode patch = op(item, "patch", "patch" + c[5], "Security", "Change: " + c[3]);
                patch.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                        .set("schema", ref(c[5] + "Request"));
                response(patch, "200", ref(c[5]));
                problems(patch, "400", "404", "409");
            }
            op(item, "delete", "delete" + c[5], "Security", "Delete (409 while in use)").putObject("responses").putObject("204").put("description", "deleted");
        }
        response(op(paths.putObject("/v1/admin/org-defaults"), "get", "listOrgDefaults", "Security",
                "Org-wide default per entity type: private | public-read | public-read-write, useHierarchy"), "200", ref("OrgDefaultList"));
        ObjectNode owd = paths.putObject("/v1/admin/org-defaults/{entity}");
        owd.putArray("parameters").add(pathParam("entity"));
        ObjectNode owdPut = op(owd, "put", "setOrgDefault", "Security", "Set the org-wide default of an entity type: access, useHierarchy");
        owdPut.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", ref("OrgDefaultRequest"));
        response(owdPut, "200", ref("OrgDefault"));
        problems(owdPut, "400", "404");
        ObjectNode explain = op(paths.putObject("/v1/admin/access/explain"), "get", "explainAccess", "Security",
                "What user U may do on entity type E (and record R) and why");
        ArrayNode ep = explain.putArray("parameters");
        for (String name : List.of("userId", "entity", "recordId")) {
            ep.addObject().put("name", name).put("in", "query").put("required", !name.equals("recordId"))
                    .putObject("schema").put("type", "string");
        }
        response(explain, "200", ref("AccessExplanation"));
        problems(explain, "400", "404");
        response(op(paths.putObject("/v1/admin/security-changes"), "get", "listSecurityChanges", "Security",
                "Audit of security changes (users, roles, profiles, groups, defaults, rules, shares), newest first"), "200",
                ref("SecurityChangeList"));
        ObjectNode transfers = op(paths.putObject("/v1/admin/ownership-transfers"), "post", "transferOwnership", "Security",
                "Give everything fromOwnerId owns (in every module, or in entities) to toOwnerId");
        transfers.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", ref("OwnershipTransferRequest"));
        response(transfers, "200", ref("TransferResult"));
        problems(transfers, "400");
        ObjectNode user = paths.putObject("/v1/admin/users/{id}");
        user.putArray("parameters").add(pathParam("id"));
        response(op(user, "get", "getUser", "Users", "One user with role, profiles and groups"), "200", ref("User"));
        ObjectNode patchUser = op(user, "patch", "patchUser", "Users", "Change displayName, email, mobile, language (zh-CN | en), timeZone,"
                + " status (active | locked | inactive), roleId, profileIds, groupIds");
        patchUser.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", ref("UserPatch"));
        response(patchUser, "200", ref("User"));
        problems(patchUser, "400", "404", "409");
    }

    /** A reference to one of the document's schemas. */
    private static ObjectNode ref(String schema) {
        return refSchema(OpenApiShapes.SCHEMAS + schema);
    }

    private static ObjectNode op(ObjectNode path, String method, String operationId, String tag, String summary) {
        ObjectNode op = path.putObject(method);
        op.put("operationId", operationId);
        op.putArray("tags").add(tag);
        op.put("summary", summary);
        return op;
    }

    private static void response(ObjectNode op, String status, ObjectNode schema) {
        ObjectNode responses = op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
        responses.putObject(status).put("description", "OK").putObject("content").putObject("application/json")
                .set("schema", schema);
    }

    private static void problems(ObjectNode op, String... statuses) {
        OpenApiShapes.problems(op, statuses);
    }

    private static void body(ObjectNode op, String ref) {
        op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", refSchema(ref));
    }

    private static ObjectNode refSchema(String ref) {
        return Json.MAPPER.createObjectNode().put("$ref", ref);
    }

    private static ObjectNode pageSchema(String ref) {
        ObjectNode page = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode p = page.putObject("properties");
        p.putObject("items").put("type", "array").set("items", refSchema(ref));
        p.putObject("total").put("type", "integer").put("format", "int64").put("minimum", 0)
                .put("description", "matches; a lower bound when totalExact is false");
        p.putObject("totalExact").put("type", "boolean").put("description",
                "present and false when total is a lower bound (the count stopped at its bound)");
        p.putObject("offset").put("type", "integer").put("format", "int32").put("minimum", 0);
        p.putObject("limit").put("type", "integer").put("format", "int32").put("minimum", 1).put("maximum", ListQuery.MAX_LIMIT);
        page.putArray("required").add("items").add("offset").add("limit"); // no total with total=none
        return page;
    }

    private static void idParam(ObjectNode path) {
        path.putArray("parameters").add(pathParam("id"));
    }

    private static ObjectNode pathParam(String name) {
        ObjectNode p = Json.MAPPER.createObjectNode().put("name", name).put("in", "path").put("required", true);
        p.putObject("schema").put("type", "string");
        return p;
    }

    /** The list parameters with the constraints the server enforces; q only for types that have quick-search fields. */
    private static void listParameters(ArrayNode params, EntityType<?> type) {
        params.add(OpenApiShapes.offsetParameter());
        params.add(OpenApiShapes.limitParameter(ListQuery.DEFAULT_LIMIT));
        params.addObject().put("name", "sort").put("in", "query")
                .put("description", "comma-separated sortable fields, - for descending, e.g. name,-createdAt; "
                        + "NULL sorts above every value; records equal on every key come newest first (creation time, then id, descending)")
                .putObject("schema").put("type", "string");
        List<String> searchable = type == null ? List.of() : type.searchableFields().stream().map(FieldDef::name).toList();
        if (!searchable.isEmpty()) {
            params.addObject().put("name", "q").put("in", "query")
                    .put("description", "quick search: contains, case-insensitive, in " + String.join(", ", searchable))
                    .putObject("schema").put("type", "string").put("maxLength", 200);
        }
        ObjectNode filter = params.addObject().put("name", "filter").put("in", "query").put("style", "form").put("explode", true)
                .put("description", "conditions on filterable fields, ANDed when repeated: eq ne lt le gt ge, in ('a','b'),"
                        + " like 'acme*' (case-insensitive; * is the wildcard), is null, is not null; text in single quotes"
                        + " ('' for a quote), e.g. industry eq 'retail' and annualRevenue ge 1000000");
        filter.putObject("schema").put("type", "array").putObject("items").put("type", "string");
        ObjectNode total = params.addObject().put("name", "total").put("in", "query")
                .put("description", "bounded (default): the count stops at " + ListQuery.LIST_COUNT_LIMIT
                        + " matches and the page says totalExact false; exact: count every match; none: no count, the"
                        + " answer has no total").putObject("schema");
        total.put("type", "string").put("default", "bounded").putArray("enum").add("bounded").add("exact").add("none");
    }
}

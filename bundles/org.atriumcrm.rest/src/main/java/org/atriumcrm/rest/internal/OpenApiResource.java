package org.atriumcrm.rest.internal;

import java.util.Comparator;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.meta.RelatedList;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.rest.api.AtriumRest;
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
    private static final String PROBLEM = "#/components/schemas/Problem";

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
    public ObjectNode document() {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Atrium CRM API");
        info.put("version", version);
        info.put("description", "Records of every enabled module under /api/v1/<plural>. Lists take offset, limit "
                + "(default 50, max 500), sort (e.g. name,-createdAt), q (quick search), filter (e.g. "
                + "industry eq 'retail' and annualRevenue ge 1000000; operators eq ne lt le gt ge in like, is null, "
                + "is not null) and total (bounded, the default: the count stops at 10000 matches and the page says "
                + "totalExact false; exact: count them all). Errors are application/problem+json (RFC 9457).");
        doc.putArray("servers").addObject().put("url", "/" + AtriumRest.BASE);
        doc.putArray("security").addObject().putArray("basic");
        doc.withArray("security").addObject().putArray("bearer");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("basic").put("type", "http").put("scheme", "basic");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Problem", problemSchema());
        platformPaths(paths, schemas);
        publicEndpoints.summaries().forEach((segment, summary) -> {
            ObjectNode post = op(paths.putObject("/v1/public/" + segment), "post", "Public", summary.isEmpty()
                    ? "Unauthenticated endpoint of a module" : summary);
            post.putArray("security");
            post.putObject("requestBody").putObject("content").putObject("application/json").putObject("schema").put("type", "object");
            post.putObject("responses").putObject("202").put("description", "received");
            problems(post, "400", "403", "404", "413", "429");
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
        return doc;
    }

    private <T extends Record> void entityPaths(RecordStore<T> store, ObjectNode paths, ObjectNode schemas) {
        EntityType<T> type = store.type();
        String ref = "#/components/schemas/" + type.name();
        ObjectNode schema = schemas.putObject(type.name());
        schema.put("type", "object");
        schema.put("description", type.label().en() + " / " + type.label().zhCN());
        schema.put("additionalProperties", false);
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = Json.MAPPER.createArrayNode();
        for (FieldDef<T> f : type.fields()) {
            ObjectNode p = props.putObject(f.name());
            p.put("type", RecordJson.jsonType(f.type()));
            p.put("nullable", !f.isRequired());
            p.put("description", f.label().en() + " / " + f.label().zhCN());
            if (f.isReadOnly()) {
                p.put("readOnly", true);
            }
            if (f.type().isText() && f.maxLength() != null) {
                p.put("maxLength", f.maxLength());
            }
            switch (f.type()) {
                case DATE -> p.put("format", "date");
                case DATETIME -> p.put("format", "date-time");
                case EMAIL -> p.put("format", "email");
                case ID, REFERENCE -> p.put("format", "uuid");
                case URL -> p.put("format", "uri");
                case INTEGER -> p.put("format", "int64");
                default -> { }
            }
            if (f.type() == FieldType.PICKLIST) {
                ArrayNode values = p.putArray("enum");
                f.picklist().stream().map(PicklistValue::value).forEach(values::add);
            }
            if (f.isRequired()) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        String tag = type.pluralLabel().en();
        String base = "/v1/" + type.plural();
        ObjectNode collection = paths.putObject(base);
        ObjectNode list = op(collection, "get", tag, "List " + type.pluralLabel().en());
        listParameters(list.putArray("parameters"));
        response(list, "200", pageSchema(ref));
        ObjectNode create = op(collection, "post", tag, "Create a " + type.label().en()
                + " (409 with the duplicates found unless allowDuplicates=true)");
        create.putArray("parameters").addObject().put("name", "allowDuplicates").put("in", "query")
                .putObject("schema").put("type", "boolean");
        body(create, ref);
        response(create, "201", refSchema(ref));
        problems(create, "400", "409", "413");

        ObjectNode item = paths.putObject(base + "/{id}");
        idParam(item);
        response(op(item, "get", tag, "Read a " + type.label().en() + " (ETag = version)"), "200", refSchema(ref));
        ObjectNode put = op(item, "put", tag, "Replace a " + type.label().en() + " (If-Match for optimistic locking)");
        body(put, ref);
        response(put, "200", refSchema(ref));
        problems(put, "400", "404", "412");
        ObjectNode patch = op(item, "patch", tag, "Change some fields of a " + type.label().en());
        body(patch, ref);
        response(patch, "200", refSchema(ref));
        problems(patch, "400", "404", "412");
        ObjectNode delete = op(item, "delete", tag, "Move a " + type.label().en() + " to the recycle bin");
        delete.putObject("responses").putObject("204").put("description", "moved to the recycle bin");
        problems(delete, "404", "412");

        ObjectNode history = paths.putObject(base + "/{id}/history");
        idParam(history);
        response(op(history, "get", tag, "Change history of a " + type.label().en() + ": action, field, old and new value, who, when"),
                "200", Json.MAPPER.createObjectNode().put("type", "object"));
        for (RelatedList r : type.relatedLists()) {
            ObjectNode related = paths.putObject(base + "/{id}/" + r.name());
            idParam(related);
            ObjectNode get = op(related, "get", tag, r.label().en() + " of a " + type.label().en());
            listParameters(get.putArray("parameters"));
            response(get, "200", pageSchema("#/components/schemas/" + r.entity()));
        }
        ObjectNode merge = op(paths.putObject(base + "/merge"), "post", tag, "Merge two duplicate " + type.pluralLabel().en());
        ObjectNode mergeBody = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode mp = mergeBody.putObject("properties");
        mp.putObject("survivorId").put("type", "string").put("format", "uuid");
        mp.putObject("mergedId").put("type", "string").put("format", "uuid");
        mp.putObject("take").put("type", "array").putObject("items").put("type", "string");
        mp.putObject("values").put("$ref", ref);
        mergeBody.putArray("required").add("survivorId").add("mergedId");
        merge.putObject("requestBody").putObject("content").putObject("application/json").set("schema", mergeBody);
        response(merge, "200", refSchema(ref));
        ObjectNode export = op(paths.putObject(base + "/export"), "get", tag, "The list as CSV (UTF-8 with BOM) or Excel"
                + " (format=xlsx), streamed from one cursor in constant memory: same filter, sort, q and permissions as the"
                + " list, only the fields the caller may see (export right)");
        ArrayNode exportParams = export.putArray("parameters");
        listParameters(exportParams);
        exportParams.addObject().put("name", "bom").put("in", "query").putObject("schema").put("type", "boolean");
        ObjectNode formatSchema = exportParams.addObject().put("name", "format").put("in", "query").putObject("schema");
        formatSchema.put("type", "string").put("default", "csv").putArray("enum").add("csv").add("xlsx");
        ObjectNode exportContent = export.putObject("responses").putObject("200").put("description", "CSV or Excel")
                .putObject("content");
        exportContent.putObject("text/csv").putObject("schema").put("type", "string");
        exportContent.putObject("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").putObject("schema")
                .put("type", "string").put("format", "binary");
        problems(export, "400", "401", "403");
        ObjectNode shares = paths.putObject(base + "/{id}/shares");
        idParam(shares);
        ObjectNode any = Json.MAPPER.createObjectNode().put("type", "object");
        response(op(shares, "get", tag, "Users and groups the " + type.label().en() + " is shared with by hand"), "200", any);
        ObjectNode share = op(shares, "post", tag, "Share it with a user or group: principalId, access (read | read-write);"
                + " needs edit access to the record");
        share.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", objectSchema("principalId", "access"));
        response(share, "201", any);
        problems(share, "400", "403", "404");
        ObjectNode unshare = paths.putObject(base + "/{id}/shares/{shareId}");
        unshare.putArray("parameters").add(pathParam("id")).add(pathParam("shareId"));
        op(unshare, "delete", tag, "Stop sharing").putObject("responses").putObject("204").put("description", "revoked");
        ObjectNode transfer = op(paths.putObject(base + "/{id}/transfer"), "post", tag, "Give the " + type.label().en()
                + " to another owner (user or group): ownerId, includeRelated (records of its related lists the previous owner owned)");
        ((ObjectNode) paths.get(base + "/{id}/transfer")).putArray("parameters").add(pathParam("id"));
        transfer.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", objectSchema("ownerId", "includeRelated"));
        response(transfer, "200", any);
        problems(transfer, "400", "403", "404");
        for (String action : RecordResource.namesFor(records.actions, type.name())) {
            String summary = records.summaries.getOrDefault("action:" + type.name() + "/" + action, "");
            ObjectNode path = paths.putObject(base + "/{id}/" + action);
            idParam(path);
            ObjectNode perform = op(path, "post", tag, summary.isEmpty() ? action + " a " + type.label().en() : summary);
            perform.putObject("requestBody").putObject("content").putObject("application/json").putObject("schema").put("type", "object");
            response(perform, "200", any);
            problems(perform, "400", "403", "404", "409");
        }
        for (String action : RecordResource.collectionActionsFor(records.actions, type.name())) {
            String summary = records.summaries.getOrDefault("action:" + type.name() + "/*" + action, "");
            ObjectNode perform = op(paths.putObject(base + "/" + action), "post", tag, summary.isEmpty() ? action : summary);
            perform.putObject("requestBody").putObject("content").putObject("application/json").putObject("schema").put("type", "object");
            response(perform, "200", any);
            problems(perform, "400", "403", "409");
        }
        for (String view : RecordResource.namesFor(records.views, type.name())) {
            String summary = records.summaries.getOrDefault("view:" + type.name() + "/" + view, "");
            ObjectNode get = op(paths.putObject(base + "/" + view), "get", tag, summary.isEmpty() ? view + " of " + type.pluralLabel().en() : summary);
            response(get, "200", any);
            problems(get, "400", "403");
        }
        for (String view : RecordResource.namesFor(records.recordViews, type.name())) {
            String summary = records.summaries.getOrDefault("record-view:" + type.name() + "/" + view, "");
            ObjectNode path = paths.putObject(base + "/{id}/" + view);
            idParam(path);
            ObjectNode get = op(path, "get", tag, summary.isEmpty() ? view + " of a " + type.label().en() : summary);
            response(get, "200", any);
            problems(get, "400", "403", "404");
        }
        ObjectNode dups = op(paths.putObject(base + "/duplicates"), "post", tag, "Find likely duplicates of a " + type.label().en());
        body(dups, ref);
        response(dups, "200", Json.MAPPER.createObjectNode().put("type", "object"));
    }

    private void platformPaths(ObjectNode paths, ObjectNode schemas) {
        ObjectNode any = Json.MAPPER.createObjectNode().put("type", "object");
        response(op(paths.putObject("/v1/meta/entities"), "get", "Metadata", "Entity types of the enabled modules"), "200", any);
        ObjectNode meta = paths.putObject("/v1/meta/entities/{name}");
        meta.putArray("parameters").addObject().put("name", "name").put("in", "path").put("required", true)
                .putObject("schema").put("type", "string");
        response(op(meta, "get", "Metadata", "Fields, labels (en, zh-CN), picklists, references of one entity type"), "200", any);
        response(op(paths.putObject("/v1/admin/modules"), "get", "Administration", "Installed modules and their state"), "200", any);
        ObjectNode module = paths.putObject("/v1/admin/modules/{id}");
        module.putArray("parameters").add(pathParam("id"));
        response(op(module, "get", "Administration", "One module and its state"), "200", any);
        ObjectNode enable = paths.putObject("/v1/admin/modules/{id}/enable");
        enable.putArray("parameters").add(pathParam("id"));
        ObjectNode enableOp = op(enable, "post", "Administration", "Enable a module (409 while a module it requires is off)");
        response(enableOp, "200", any);
        problems(enableOp, "404", "409");
        ObjectNode disable = paths.putObject("/v1/admin/modules/{id}/disable");
        ArrayNode disableParams = disable.putArray("parameters");
        disableParams.add(pathParam("id"));
        disableParams.addObject().put("name", "cascade").put("in", "query").putObject("schema").put("type", "boolean");
        ObjectNode disableOp = op(disable, "post", "Administration",
                "Disable a module; its data stays (409 for platform modules, or while others require it unless cascade=true)");
        response(disableOp, "200", any);
        problems(disableOp, "404", "409");
        ObjectNode changes = paths.putObject("/v1/admin/modules/{id}/changes");
        changes.putArray("parameters").add(pathParam("id"));
        response(op(changes, "get", "Administration", "Who enabled or disabled the module, and when"), "200", any);
        response(op(paths.putObject("/v1/admin/module-changes"), "get", "Administration", "All module changes, newest first"), "200", any);
        response(op(paths.putObject("/v1/admin/system"), "get", "Administration", "Version, uptime and heap"), "200", any);
        response(op(paths.putObject("/v1/admin/routes"), "get", "Administration",
                "Camel routes contributed by modules and plugins, with module and status"), "200", any);
        securityPaths(paths, any);
        ObjectNode users = paths.putObject("/v1/admin/users");
        response(op(users, "get", "Users", "All users (administrators only, like all of /v1/admin)"), "200", any);
        ObjectNode newUser = op(users, "post", "Users", "Create a user: loginName, password (10+ characters, 4+ different), displayName, email, mobile, language, timeZone, roleId, profileIds (default: standard), groupIds");
        newUser.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .putObject("schema").put("type", "object");
        response(newUser, "201", any);
        problems(newUser, "400", "403", "409");
        ObjectNode reset = paths.putObject("/v1/admin/users/{id}/password");
        reset.putArray("parameters").add(pathParam("id"));
        op(reset, "post", "Users", "Set a user's password (newPassword) and unlock the account").putObject("responses")
                .putObject("204").put("description", "changed");
        response(op(paths.putObject("/v1/admin/login-events"), "get", "Users",
                "Password verifications, newest first: login, outcome, reason, client address"), "200", any);
        op(paths.putObject("/v1/me/password"), "post", "Users", "Change my password (currentPassword, newPassword)")
                .putObject("responses").putObject("204").put("description", "changed");
        ObjectNode plugins = paths.putObject("/v1/admin/plugins");
        response(op(plugins, "get", "Plugins", "Installed plugins: bundle state, module state, failure reason"), "200", any);
        ObjectNode upload = op(plugins, "post", "Plugins", "Install or update a plugin: the bundle jar or a KAR as the raw body");
        upload.putObject("requestBody").put("required", true).putObject("content").putObject("application/java-archive")
                .putObject("schema").put("type", "string").put("format", "binary");
        response(upload, "201", any);
        problems(upload, "400", "409", "413", "415");
        ObjectNode plugin = paths.putObject("/v1/admin/plugins/{id}");
        plugin.putArray("parameters").add(pathParam("id"));
        response(op(plugin, "get", "Plugins", "One plugin (bundle id or symbolic name)"), "200", any);
        ObjectNode uninstall = op(plugin, "delete", "Plugins", "Uninstall a plugin; its tables stay unless purgeData=true");
        uninstall.putArray("parameters").addObject().put("name", "purgeData").put("in", "query").putObject("schema").put("type", "boolean");
        uninstall.putObject("responses").putObject("204").put("description", "uninstalled");
        response(uninstall, "200", any);
        ObjectNode kar = paths.putObject("/v1/admin/plugins/kars/{name}");
        kar.putArray("parameters").add(pathParam("name"));
        op(kar, "delete", "Plugins", "Uninstall an uploaded KAR and its features").putObject("responses").putObject("204")
                .put("description", "uninstalled");
        ObjectNode bin = op(paths.putObject("/v1/recycle-bin"), "get", "Recycle bin", "Deleted records, newest first");
        ArrayNode binParams = bin.putArray("parameters");
        binParams.addObject().put("name", "entity").put("in", "query").putObject("schema").put("type", "string");
        binParams.addObject().put("name", "offset").put("in", "query").putObject("schema").put("type", "integer");
        binParams.addObject().put("name", "limit").put("in", "query").putObject("schema").put("type", "integer");
        response(bin, "200", any);
        ObjectNode restore = paths.putObject("/v1/recycle-bin/{entity}/{id}/restore");
        restore.putArray("parameters").add(pathParam("entity")).add(pathParam("id"));
        response(op(restore, "post", "Recycle bin", "Restore a deleted record"), "200", any);
        ObjectNode purge = paths.putObject("/v1/recycle-bin/{entity}/{id}");
        purge.putArray("parameters").add(pathParam("entity")).add(pathParam("id"));
        op(purge, "delete", "Recycle bin", "Delete a record from the bin for good").putObject("responses")
                .putObject("204").put("description", "purged");
        ObjectNode health = op(paths.putObject("/v1/health"), "get", "Platform", "Platform-ready signal (public)");
        health.putArray("security");
        response(health, "200", any);
        response(health, "503", any);
        ((ObjectNode) health.get("responses").get("503")).put("description",
                "STARTING: waitingFor lists the boot features, module stores and API resources not yet served");
        ObjectNode me = op(paths.putObject("/v1/me"), "get", "Users", "The authenticated user");
        response(me, "200", any);
        ObjectNode tokens = paths.putObject("/v1/me/tokens");
        response(op(tokens, "get", "Users", "My API tokens (never the secrets)"), "200", any);
        ObjectNode newToken = op(tokens, "post", "Users", "Create an API token; the secret is shown once");
        ObjectNode tokenBody = Json.MAPPER.createObjectNode().put("type", "object");
        tokenBody.putObject("properties").putObject("name").put("type", "string");
        tokenBody.withObject("/properties").putObject("expiresAt").put("type", "string").put("format", "date-time");
        tokenBody.putArray("required").add("name");
        newToken.putObject("requestBody").putObject("content").putObject("application/json").set("schema", tokenBody);
        response(newToken, "201", any);
        ObjectNode revoke = paths.putObject("/v1/me/tokens/{id}");
        revoke.putArray("parameters").add(pathParam("id"));
        op(revoke, "delete", "Users", "Revoke an API token").putObject("responses").putObject("204").put("description", "revoked");
    }

    /** The administration of the security model (answered by the security bundle; documented here, in one document). */
    private static void securityPaths(ObjectNode paths, ObjectNode any) {
        String[][] collections = {
            {"roles", "Roles", "the role hierarchy (?tree=true nests children)", "name, parentId, description"},
            {"profiles", "Profiles", "rights per entity type and field-level security",
                "name, description, rights {entity|*: [view, create, edit, delete, export, import, viewAll]},"
                        + " fields {entity: {field: hidden | read-only | editable}}"},
            {"groups", "Groups", "teams of users; groups can own records", "name, description, members [user ids]"},
            {"sharing-rules", "Sharing rules", "records owned by a role/role-and-subordinates/group shared with another",
                "name, entity, sourceKind, sourceId, targetKind, targetId, access (read | read-write)"}};
        for (String[] c : collections) {
            ObjectNode coll = paths.putObject("/v1/admin/" + c[0]);
            response(op(coll, "get", "Security", "All " + c[1].toLowerCase() + ": " + c[2]), "200", any);
            ObjectNode create = op(coll, "post", "Security", "Create: " + c[3]);
            create.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .putObject("schema").put("type", "object");
            response(create, "201", any);
            problems(create, "400", "403", "409");
            ObjectNode item = paths.putObject("/v1/admin/" + c[0] + "/{id}");
            item.putArray("parameters").add(pathParam("id"));
            if (!c[0].equals("sharing-rules")) {
                response(op(item, "get", "Security", "One of the " + c[1].toLowerCase()), "200", any);
                ObjectNode patch = op(item, "patch", "Security", "Change: " + c[3]);
                patch.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                        .putObject("schema").put("type", "object");
                response(patch, "200", any);
                problems(patch, "400", "404", "409");
            }
            op(item, "delete", "Security", "Delete (409 while in use)").putObject("responses").putObject("204").put("description", "deleted");
        }
        response(op(paths.putObject("/v1/admin/org-defaults"), "get", "Security",
                "Org-wide default per entity type: private | public-read | public-read-write, useHierarchy"), "200", any);
        ObjectNode owd = paths.putObject("/v1/admin/org-defaults/{entity}");
        owd.putArray("parameters").add(pathParam("entity"));
        ObjectNode owdPut = op(owd, "put", "Security", "Set the org-wide default of an entity type: access, useHierarchy");
        owdPut.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", objectSchema("access", "useHierarchy"));
        response(owdPut, "200", any);
        problems(owdPut, "400", "404");
        ObjectNode explain = op(paths.putObject("/v1/admin/access/explain"), "get", "Security",
                "What user U may do on entity type E (and record R) and why");
        ArrayNode ep = explain.putArray("parameters");
        for (String name : List.of("userId", "entity", "recordId")) {
            ep.addObject().put("name", name).put("in", "query").put("required", !name.equals("recordId"))
                    .putObject("schema").put("type", "string");
        }
        response(explain, "200", any);
        problems(explain, "400", "404");
        response(op(paths.putObject("/v1/admin/security-changes"), "get", "Security",
                "Audit of security changes (users, roles, profiles, groups, defaults, rules, shares), newest first"), "200", any);
        ObjectNode transfers = op(paths.putObject("/v1/admin/ownership-transfers"), "post", "Security",
                "Give everything fromOwnerId owns (in every module, or in entities) to toOwnerId");
        transfers.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", objectSchema("fromOwnerId", "toOwnerId", "entities"));
        response(transfers, "200", any);
        problems(transfers, "400");
        ObjectNode user = paths.putObject("/v1/admin/users/{id}");
        user.putArray("parameters").add(pathParam("id"));
        response(op(user, "get", "Users", "One user with role, profiles and groups"), "200", any);
        ObjectNode patchUser = op(user, "patch", "Users", "Change displayName, email, mobile, language (zh-CN | en), timeZone,"
                + " status (active | locked | inactive), roleId, profileIds, groupIds");
        patchUser.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .putObject("schema").put("type", "object");
        response(patchUser, "200", any);
        problems(patchUser, "400", "404", "409");
    }

    private static ObjectNode objectSchema(String... properties) {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode props = schema.putObject("properties");
        for (String p : properties) {
            props.putObject(p);
        }
        return schema;
    }

    private static ObjectNode op(ObjectNode path, String method, String tag, String summary) {
        ObjectNode op = path.putObject(method);
        op.putArray("tags").add(tag);
        op.put("summary", summary);
        return op;
    }

    private static void response(ObjectNode op, String status, ObjectNode schema) {
        ObjectNode responses = op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
        responses.putObject(status).put("description", "OK").putObject("content").putObject("application/json")
                .set("schema", schema);
        problems(op, "401");
    }

    private static void problems(ObjectNode op, String... statuses) {
        ObjectNode responses = op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
        for (String s : statuses) {
            if (!responses.has(s)) {
                responses.putObject(s).put("description", "problem").putObject("content")
                        .putObject(AtriumRest.PROBLEM_JSON).putObject("schema").put("$ref", PROBLEM);
            }
        }
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
        p.putObject("total").put("type", "integer");
        p.putObject("totalExact").put("type", "boolean").put("description",
                "present and false when total is a lower bound (the count stopped at its bound)");
        p.putObject("offset").put("type", "integer");
        p.putObject("limit").put("type", "integer");
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

    private static void listParameters(ArrayNode params) {
        for (String[] p : List.of(new String[] {"offset", "integer"}, new String[] {"limit", "integer"},
                new String[] {"sort", "string"}, new String[] {"q", "string"}, new String[] {"filter", "string"}, new String[] {"total", "string"})) {
            params.addObject().put("name", p[0]).put("in", "query").putObject("schema").put("type", p[1]);
        }
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode p = schema.putObject("properties");
        p.putObject("type").put("type", "string").put("format", "uri");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string");
        p.putObject("instance").put("type", "string");
        ObjectNode errors = p.putObject("errors").put("type", "array").putObject("items").put("type", "object");
        errors.putObject("properties").putObject("field").put("type", "string");
        errors.withObject("/properties").putObject("message").put("type", "string");
        return schema;
    }
}

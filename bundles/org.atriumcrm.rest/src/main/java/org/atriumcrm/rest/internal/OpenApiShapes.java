package org.atriumcrm.rest.internal;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.rest.api.AtriumRest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schemas, headers and responses of the OpenAPI document that clients generate types from: every rule the
 * server enforces that a schema can say is said here (lengths, ranges, enums, formats), the rest in descriptions.
 */
final class OpenApiShapes {
    static final String SCHEMAS = "#/components/schemas/";
    static final String PROBLEM = SCHEMAS + "Problem";
    /** Audit and owner ids: a user's or group's UUID, or "system" for what the platform itself wrote. */
    private static final Set<String> PRINCIPAL_FIELDS = Set.of("ownerId", "createdBy", "modifiedBy");

    private OpenApiShapes() {
    }

    /** A record type's schema: the whole record, or (patch) its writable fields with nothing required. */
    static <T extends Record> ObjectNode entity(EntityType<T> type, boolean patch) {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        schema.put("description", type.label().en() + " / " + type.label().zhCN() + (patch
                ? ": the fields to change; those left out keep their value, null clears one" : ""));
        schema.put("additionalProperties", false);
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = schema.arrayNode();
        for (FieldDef<T> f : type.fields()) {
            if (patch && f.isReadOnly()) {
                continue;
            }
            ObjectNode p = props.putObject(f.name());
            p.put("type", RecordJson.jsonType(f.type()));
            p.put("nullable", !f.isRequired());
            StringBuilder description = new StringBuilder(f.label().en() + " / " + f.label().zhCN());
            if (f.isReadOnly()) {
                p.put("readOnly", true);
            }
            if (f.type().isText() && f.maxLength() != null) {
                p.put("maxLength", f.maxLength());
            }
            if (f.isRequired() && f.type().isText()) {
                p.put("minLength", 1);
                description.append("; text is trimmed, so a blank value counts as missing");
            }
            switch (f.type()) {
                case DATE -> p.put("format", "date");
                case DATETIME -> p.put("format", "date-time");
                case EMAIL -> {
                    p.put("format", "email");
                    description.append("; the server wants name@domain.tld without spaces");
                }
                case ID, REFERENCE -> {
                    if (PRINCIPAL_FIELDS.contains(f.name())) {
                        description.append("; a user or group id (UUID), or \"system\" on records the platform made");
                    } else {
                        p.put("format", "uuid");
                    }
                    if (f.referenceTo() != null) {
                        description.append("; the id of a ").append(f.referenceTo());
                    }
                }
                case URL -> description.append("; a web address with a host containing a dot, http(s) assumed when the"
                        + " scheme is left out");
                case PHONE -> {
                    p.put("pattern", "^[0-9+()\\-\\s./#xXextEXT]{3,40}$");
                    description.append("; at least 3 digits; +, spaces, brackets, dashes, dots, # and ext allowed");
                }
                case INTEGER -> p.put("format", "int64");
                case DECIMAL -> description.append("; exact decimal, at most ").append(FieldValues.DECIMAL_INTEGER_DIGITS)
                        .append(" digits before the point and ").append(FieldValues.DECIMAL_SCALE)
                        .append(" after (a numeric string is accepted too)");
                default -> { }
            }
            if (f.type() == FieldType.PICKLIST) {
                ArrayNode values = p.putArray("enum");
                f.picklist().stream().map(PicklistValue::value).forEach(values::add);
                enumNames(p, f.picklist());
            }
            if (f.pattern() != null) {
                p.put("pattern", "^(?:" + f.pattern().pattern() + ")$");
                if (f.patternHint() != null) {
                    description.append("; ").append(f.patternHint());
                }
            }
            p.put("description", description.toString());
            if (f.isRequired() && !patch) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /**
     * The platform's own answers and bodies (administration, security, plugins, health, tokens), kept as JSON beside
     * this class: they are fixed shapes, easier to read and review as the schema text clients see than as builder calls.
     */
    private static final ObjectNode PLATFORM_SCHEMAS = platformSchemas();

    private static ObjectNode platformSchemas() {
        try (java.io.InputStream in = OpenApiShapes.class.getResourceAsStream("openapi-schemas.json")) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("openapi-schemas.json is missing from the bundle or not a JSON object", e);
        }
    }

    /** Schemas, headers and parameters every document has. */
    static void common(ObjectNode components) {
        ObjectNode schemas = components.withObject("/schemas");
        schemas.setAll(PLATFORM_SCHEMAS.deepCopy());
        ObjectNode problem = object(schemas.putObject("Problem"), false, "type", "title", "status");
        problem.put("description", "RFC 9457 problem details; some problems add members (duplicates, module, limit, incident)");
        ObjectNode p = problem.withObject("/properties");
        p.putObject("type").put("type", "string").put("format", "uri")
                .put("description", "the kind of problem, the same in every language: what a client branches on");
        p.putObject("title").put("type", "string").put("description", "in the language of Content-Language");
        p.putObject("status").put("type", "integer").put("format", "int32");
        p.putObject("detail").put("type", "string")
                .put("description", "in the language of Content-Language, English where no translation exists");
        p.putObject("instance").put("type", "string");
        p.putObject("errors").put("type", "array").putObject("items").put("$ref", SCHEMAS + "FieldError");
        problem.put("additionalProperties", true);
        ObjectNode fieldError = object(schemas.putObject("FieldError"), false, "field", "code", "message");
        fieldError.withObject("/properties").putObject("field").put("type", "string");
        fieldError.withObject("/properties").putObject("code").put("type", "string").put("description", "what is wrong,"
                + " the same in every language: required, unknown-field, read-only, field-hidden, field-read-only-for-you,"
                + " integer, decimal, decimal-places, integer-digits, boolean, date, datetime, text, too-long, email, phone,"
                + " url, picklist, record-id, record-id-type, format, invalid-owner, reference-to-itself,"
                + " reference-module-disabled, reference-not-found, reference-cycle; invalid for a module's own check");
        fieldError.withObject("/properties").putObject("message").put("type", "string")
                .put("description", "what is wrong, in the language of Content-Language, to be read after the field's label");

        ObjectNode label = object(schemas.putObject("Label"), false, "en", "zh-CN");
        label.withObject("/properties").putObject("en").put("type", "string");
        label.withObject("/properties").putObject("zh-CN").put("type", "string");

        ObjectNode change = object(schemas.putObject("HistoryEntry"), false, "action", "at");
        ObjectNode cp = change.withObject("/properties");
        cp.putObject("action").put("type", "string").put("description", "CREATED, UPDATED, DELETED, RESTORED, MERGED...");
        for (String s : new String[] {"field", "oldValue", "newValue", "userId"}) {
            cp.putObject(s).put("type", "string").put("nullable", true);
        }
        cp.putObject("at").put("type", "string").put("format", "date-time");
        list(schemas, "History", "HistoryEntry", false);

        ObjectNode share = object(schemas.putObject("Share"), false, "id", "principalId", "access", "grantedAt");
        ObjectNode sp = share.withObject("/properties");
        sp.putObject("id").put("type", "string");
        sp.putObject("principalId").put("type", "string").put("description", "a user or group id");
        sp.putObject("access").put("type", "string").putArray("enum").add("read").add("read-write");
        sp.putObject("grantedBy").put("type", "string").put("nullable", true);
        sp.putObject("grantedAt").put("type", "string").put("format", "date-time");
        list(schemas, "ShareList", "Share", false);
        ObjectNode shareRequest = object(schemas.putObject("ShareRequest"), false, "principalId", "access");
        shareRequest.withObject("/properties").putObject("principalId").put("type", "string").put("minLength", 1)
                .put("description", "the id of a user or group");
        shareRequest.withObject("/properties").putObject("access").put("type", "string").putArray("enum").add("read").add("read-write");

        ObjectNode transfer = object(schemas.putObject("TransferRequest"), false, "ownerId");
        transfer.withObject("/properties").putObject("ownerId").put("type", "string").put("minLength", 1)
                .put("description", "the id of an active user or group");
        transfer.withObject("/properties").putObject("includeRelated").put("type", "boolean").put("default", false)
                .put("description", "also move the records of its related lists that the previous owner owned");
        ObjectNode transferred = object(schemas.putObject("TransferResult"), false, "transferred");
        transferred.withObject("/properties").putObject("transferred").put("type", "object")
                .put("description", "records moved, by entity type").putObject("additionalProperties")
                .put("type", "integer").put("format", "int64");

        ObjectNode summary = object(schemas.putObject("RecordSummary"), false, "entity", "id", "displayName", "href");
        for (String s : new String[] {"entity", "id", "displayName", "href"}) {
            summary.withObject("/properties").putObject(s).put("type", "string");
        }
        summary.withObject("/properties").withObject("/displayName").put("nullable", true);
        list(schemas, "RecordSummaryList", "RecordSummary", false);

        ObjectNode bin = object(schemas.putObject("RecycleBinEntry"), false, "entity", "plural", "id", "deletedAt", "restore");
        for (String s : new String[] {"entity", "plural", "id", "displayName", "deletedBy", "restore"}) {
            bin.withObject("/properties").putObject(s).put("type", "string");
        }
        bin.withObject("/properties").withObject("/displayName").put("nullable", true);
        bin.withObject("/properties").withObject("/deletedBy").put("nullable", true);
        bin.withObject("/properties").putObject("deletedAt").put("type", "string").put("format", "date-time");
        ObjectNode binPage = list(schemas, "RecycleBinPage", "RecycleBinEntry", true);
        binPage.withObject("/properties").putObject("offset").put("type", "integer").put("format", "int32");
        binPage.withObject("/properties").putObject("limit").put("type", "integer").put("format", "int32");

        ObjectNode type = object(schemas.putObject("EntityTypeSummary"), false, "name", "plural", "module", "label",
                "pluralLabel", "href", "importable", "menu", "menuOrder");
        ObjectNode tp = type.withObject("/properties");
        for (String s : new String[] {"name", "plural", "module", "href"}) {
            tp.putObject(s).put("type", "string");
        }
        tp.putObject("label").put("$ref", SCHEMAS + "Label");
        tp.putObject("pluralLabel").put("$ref", SCHEMAS + "Label");
        tp.putObject("importable").put("type", "boolean");
        tp.putObject("menu").put("type", "string").put("description", "where a client shows the type: main (the main menu), "
                + "administration (configuration, for administrators) or none (records under another record, reached through its "
                + "related lists)").putArray("enum").add("main").add("administration").add("none");
        tp.putObject("menuOrder").put("type", "integer").put("format", "int32")
                .put("description", "the order in the main menu, lower first");
        list(schemas, "EntityTypeList", "EntityTypeSummary", false);
        ObjectNode details = schemas.putObject("EntityTypeDetails").put("type", "object").put("additionalProperties", false);
        details.set("properties", tp.deepCopy());
        ObjectNode dp = details.withObject("/properties");
        dp.putObject("fields").put("type", "array").putObject("items").put("$ref", SCHEMAS + "FieldMetadata");
        dp.putObject("duplicateRules").put("type", "array").putObject("items").put("type", "array").putObject("items").put("type", "string");
        dp.putObject("relatedLists").put("type", "array").putObject("items").put("$ref", SCHEMAS + "RelatedListMetadata");
        dp.putObject("defaultSort").put("type", "array").putObject("items").put("type", "string");
        dp.putObject("rights").put("type", "array").putObject("items").put("type", "string");
        dp.putObject("actions").put("type", "array").put("description", "actions on one record: POST /v1/<plural>/{id}/<action>")
                .putObject("items").put("type", "string");
        dp.putObject("collectionActions").put("type", "array").put("description", "actions on the type: POST /v1/<plural>/<action>")
                .putObject("items").put("type", "string");
        dp.putObject("recordViews").put("type", "array").put("description", "views of one record: GET /v1/<plural>/{id}/<view>")
                .putObject("items").put("type", "string");
        dp.putObject("actionDetails").put("type", "array").put("description", "per action: the body's members and what it answers")
                .putObject("items").put("$ref", SCHEMAS + "ActionMetadata");
        dp.putObject("lineItems").put("$ref", SCHEMAS + "LineItemsMetadata");
        ObjectNode actionMeta = object(schemas.putObject("ActionMetadata"), false, "name", "declared", "inputs", "answer");
        ObjectNode am = actionMeta.withObject("/properties");
        am.putObject("name").put("type", "string");
        am.putObject("summary").put("type", "string");
        am.putObject("declared").put("type", "boolean").put("description", "whether the action declares its body and answer");
        ObjectNode input = am.putObject("inputs").put("type", "array").put("description", "what the JSON body may carry (e.g. comment)")
                .putObject("items").put("type", "object").put("additionalProperties", false);
        input.putArray("required").add("name").add("type").add("required");
        ObjectNode ip = input.putObject("properties");
        ip.putObject("name").put("type", "string");
        ip.putObject("type").put("type", "string").put("description", "the JSON type of the member");
        ip.putObject("format").put("type", "string").put("description", "e.g. date");
        ip.putObject("required").put("type", "boolean");
        ObjectNode when = am.putObject("when").put("type", "object").put("additionalProperties", false)
                .put("description", "the record's states in which the action applies: field's value among values");
        when.putArray("required").add("field").add("values");
        when.putObject("properties").putObject("field").put("type", "string");
        when.withObject("/properties").putObject("values").put("type", "array").putObject("items").put("type", "string");
        am.putObject("answer").put("type", "string").put("description", "record: the answerEntity's record; pdf: a PDF file; other")
                .putArray("enum").add("record").add("pdf").add("other");
        am.putObject("answerEntity").put("type", "string");
        ObjectNode lineMeta = object(schemas.putObject("LineItemsMetadata"), false, "list", "entity", "field", "totals");
        lineMeta.put("description", "a document made of lines: the related list holding them, the roles of the line's fields, "
                + "the document's totals (the grand total last) and while which values of stateField the lines may change");
        ObjectNode lm = lineMeta.withObject("/properties");
        for (String s : new String[] {"list", "entity", "field", "product", "quantity", "unitPrice", "lineTotal", "explanation", "warning",
            "taxBreakdown", "currency", "stateField"}) {
            lm.putObject(s).put("type", "string");
        }
        lm.putObject("totals").put("type", "array").putObject("items").put("type", "string");
        lm.putObject("editableStates").put("type", "array").putObject("items").put("type", "string");
        ObjectNode field = object(schemas.putObject("FieldMetadata"), false, "name", "type", "label", "required", "readOnly");
        ObjectNode fp = field.withObject("/properties");
        fp.putObject("name").put("type", "string");
        ArrayNode types = fp.putObject("type").put("type", "string").putArray("enum");
        for (FieldType t : FieldType.values()) {
            types.add(t.name().toLowerCase(java.util.Locale.ROOT));
        }
        fp.putObject("label").put("$ref", SCHEMAS + "Label");
        for (String s : new String[] {"required", "readOnly", "searchable", "filterable", "sortable"}) {
            fp.putObject(s).put("type", "boolean");
        }
        fp.putObject("maxLength").put("type", "integer").put("format", "int32");
        fp.putObject("referenceTo").put("type", "string");
        ObjectNode value = fp.putObject("picklist").put("type", "array").putObject("items").put("type", "object")
                .put("additionalProperties", false);
        value.putObject("properties").putObject("value").put("type", "string");
        value.withObject("/properties").putObject("label").put("$ref", SCHEMAS + "Label");
        ObjectNode related = object(schemas.putObject("RelatedListMetadata"), false, "name", "entity", "field", "label");
        for (String s : new String[] {"name", "entity", "field"}) {
            related.withObject("/properties").putObject(s).put("type", "string");
        }
        related.withObject("/properties").putObject("label").put("$ref", SCHEMAS + "Label");

        ObjectNode screen = object(schemas.putObject("UiScreen"), false, "name", "module", "label", "element", "script", "placement", "order");
        ObjectNode screenProps = screen.withObject("/properties");
        screenProps.putObject("name").put("type", "string").put("pattern", org.atriumcrm.api.ui.UiScreen.NAME.pattern())
                .put("description", "the screen's address is #/x/<name>");
        screenProps.putObject("module").put("type", "string");
        screenProps.putObject("label").put("$ref", SCHEMAS + "Label");
        screenProps.putObject("element").put("type", "string").put("description", "the custom element the script defines");
        screenProps.putObject("script").put("type", "string").put("description", "same-origin URL of the ES module, under /ext/<module>/");
        screenProps.putObject("placement").put("type", "string").putArray("enum").add("menu").add("home");
        screenProps.putObject("entity").put("type", "string").put("description", "the entity type the screen shows, when it belongs to one");
        screenProps.putObject("order").put("type", "integer").put("format", "int32");
        list(schemas, "UiScreenList", "UiScreen", false);

        ObjectNode module = object(schemas.putObject("Module"), false, "id", "name", "version", "state", "enabled");
        ObjectNode mp = module.withObject("/properties");
        mp.putObject("id").put("type", "string");
        mp.putObject("name").put("$ref", SCHEMAS + "Label");
        mp.putObject("version").put("type", "string");
        mp.putObject("state").put("type", "string");
        for (String s : new String[] {"installed", "enabled", "platform"}) {
            mp.putObject(s).put("type", "boolean");
        }
        mp.putObject("requires").put("type", "array").putObject("items").put("type", "string");
        ObjectNode ref = mp.putObject("entityTypes").put("type", "array").putObject("items").put("type", "object")
                .put("additionalProperties", false);
        ref.putObject("properties").putObject("name").put("type", "string");
        ref.withObject("/properties").putObject("plural").put("type", "string");
        mp.putObject("resourcePaths").put("type", "array").putObject("items").put("type", "string");
        mp.putObject("reason").put("type", "string");
        list(schemas, "ModuleList", "Module", true);

        ObjectNode entry = object(schemas.putObject("DirectoryEntry"), false, "id", "kind", "name", "active");
        entry.put("description", "a colleague or a group that can own records");
        entry.withObject("/properties").putObject("id").put("type", "string");
        entry.withObject("/properties").putObject("kind").put("type", "string").putArray("enum").add("user").add("group");
        entry.withObject("/properties").putObject("name").put("type", "string")
                .put("description", "a user's display name (the login name when it has none), a group's name");
        entry.withObject("/properties").putObject("loginName").put("type", "string").put("description", "users only");
        entry.withObject("/properties").putObject("active").put("type", "boolean")
                .put("description", "false for a user who can no longer sign in");
        list(schemas, "Directory", "DirectoryEntry", true).withObject("/properties/total")
                .put("description", "every match; items holds at most limit of them");

        ObjectNode me = object(schemas.putObject("Me"), false, "id", "loginName", "administrator");
        for (String s : new String[] {"id", "loginName", "displayName", "email", "mobile", "language", "timeZone", "status"}) {
            me.withObject("/properties").putObject(s).put("type", "string");
        }
        for (String s : new String[] {"displayName", "email", "mobile", "language", "timeZone", "status"}) {
            me.withObject("/properties").withObject("/" + s).put("nullable", true);
        }
        me.withObject("/properties").putObject("administrator").put("type", "boolean");
        // what a user may change of their own account: the administrator's UserPatch without status, role, profiles
        ObjectNode mePatch = object(schemas.putObject("MePatch"), false);
        mePatch.remove("required"); // every member is optional (an empty list is not valid OpenAPI 3.0)
        mePatch.put("description", "only the members sent change; status, role and profiles are an administrator's");
        for (String s : new String[] {"displayName", "email", "mobile", "timeZone"}) {
            mePatch.withObject("/properties").putObject(s).put("type", "string").put("nullable", true);
        }
        mePatch.withObject("/properties/timeZone").put("description", "an IANA zone such as Asia/Shanghai");
        mePatch.withObject("/properties").putObject("language").put("type", "string")
                .put("description", "the language of the web UI and of labels").putArray("enum").add("zh-CN").add("en");
        ObjectNode password = object(schemas.putObject("PasswordChange"), false, "currentPassword", "newPassword");
        password.withObject("/properties").putObject("currentPassword").put("type", "string").put("format", "password");
        password.withObject("/properties").set("newPassword", newPassword());
        ObjectNode reset = object(schemas.putObject("PasswordReset"), false, "newPassword");
        reset.withObject("/properties").set("newPassword", newPassword());

        ObjectNode login = object(schemas.putObject("SessionLogin"), false, "loginName", "password");
        login.withObject("/properties").putObject("loginName").put("type", "string").put("maxLength", 200);
        login.withObject("/properties").putObject("password").put("type", "string").put("format", "password");
        ObjectNode session = object(schemas.putObject("Session"), false, "user", "csrfToken", "expiresAt");
        session.withObject("/properties").putObject("user").put("$ref", SCHEMAS + "Me");
        session.withObject("/properties").putObject("csrfToken").put("type", "string")
                .put("description", "send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE authenticated by the cookie");
        session.withObject("/properties").putObject("expiresAt").put("type", "string").put("format", "date-time")
                .put("description", "when the session ends unless it is used again (idle time), at the latest its absolute end");

        ObjectNode headers = components.withObject("/headers");
        headers.putObject("Content-Language").put("description", "the language of a problem's title, detail and field messages:"
                + " zh-CN or en").putObject("schema").put("type", "string").putArray("enum").add("zh-CN").add("en");
        headers.putObject("Set-Cookie").put("description", "the session cookie: ATRIUM_SESSION=<secret>; Path=/; HttpOnly;"
                + " SameSite=Strict, and Secure over HTTPS (also behind a proxy that sends X-Forwarded-Proto: https); on logout"
                + " the same cookie emptied with Max-Age=0").putObject("schema").put("type", "string");
        headers.putObject("ETag").put("description", "the record's version as an entity tag, e.g. \"3\": send it back in If-Match")
                .putObject("schema").put("type", "string");
        headers.putObject("Location").put("description", "where the new record is, relative to the API base (/api)")
                .putObject("schema").put("type", "string");
    }

    private static ObjectNode newPassword() {
        return Json.MAPPER.createObjectNode().put("type", "string").put("format", "password").put("minLength", 10)
                .put("description", "at least 10 characters, at least 4 of them different");
    }

    private static ObjectNode object(ObjectNode schema, boolean open, String... required) {
        schema.put("type", "object").put("additionalProperties", open);
        schema.putObject("properties");
        ArrayNode names = schema.putArray("required");
        for (String r : required) {
            names.add(r);
        }
        return schema;
    }

    private static ObjectNode list(ObjectNode schemas, String name, String item, boolean total) {
        ObjectNode list = object(schemas.putObject(name), false, total ? new String[] {"items", "total"} : new String[] {"items"});
        list.withObject("/properties").putObject("items").put("type", "array").putObject("items").put("$ref", SCHEMAS + item);
        if (total) {
            list.withObject("/properties").putObject("total").put("type", "integer").put("format", "int64");
        }
        return list;
    }

    static ObjectNode offsetParameter() {
        ObjectNode p = Json.MAPPER.createObjectNode().put("name", "offset").put("in", "query")
                .put("description", "records to skip");
        p.putObject("schema").put("type", "integer").put("format", "int32").put("minimum", 0)
                .put("maximum", Integer.MAX_VALUE).put("default", 0);
        return p;
    }

    static ObjectNode limitParameter(int dflt) {
        ObjectNode p = Json.MAPPER.createObjectNode().put("name", "limit").put("in", "query")
                .put("description", "records per page");
        p.putObject("schema").put("type", "integer").put("format", "int32").put("minimum", 1)
                .put("maximum", org.atriumcrm.api.query.ListQuery.MAX_LIMIT).put("default", dflt);
        return p;
    }

    static void ifMatch(ObjectNode op) {
        ArrayNode params = op.has("parameters") ? (ArrayNode) op.get("parameters") : op.putArray("parameters");
        params.addObject().put("name", "If-Match").put("in", "header")
                .put("description", "the ETag of your last read: 412 when the record changed since (optimistic locking)")
                .putObject("schema").put("type", "string");
    }

    static void headers(ObjectNode op, String status, String... names) {
        ObjectNode headers = op.withObject("/responses").withObject("/" + status).withObject("/headers");
        for (String name : names) {
            headers.putObject(name).put("$ref", "#/components/headers/" + name);
        }
    }

    private static final Map<String, String> PROBLEM_DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "bad request: the errors member lists every invalid field"),
            Map.entry("401", "no or invalid credentials"),
            Map.entry("403", "not allowed for you (rights, field-level security, administrators only)"),
            Map.entry("404", "no such record, or one you may not see, or its module is disabled"),
            Map.entry("409", "conflict with the current state (e.g. a likely duplicate, or in use)"),
            Map.entry("412", "the If-Match ETag is stale: read again and retry"),
            Map.entry("413", "the request body is over the size limit"),
            Map.entry("415", "the request body is not of a type this operation takes"),
            Map.entry("429", "too many requests from your address"),
            Map.entry("503", "not ready yet"));

    static void problems(ObjectNode op, String... statuses) {
        ObjectNode responses = op.withObject("/responses");
        for (String s : statuses) {
            if (!responses.has(s)) {
                ObjectNode response = responses.putObject(s).put("description", PROBLEM_DESCRIPTIONS.getOrDefault(s, "problem"));
                response.putObject("headers").putObject("Content-Language").put("$ref", "#/components/headers/Content-Language");
                response.putObject("content").putObject(AtriumRest.PROBLEM_JSON).putObject("schema").put("$ref", PROBLEM);
            }
        }
    }

    /**
     * What every operation needs, whoever documented it: a description on each response, 401 where credentials are
     * required, and items on every array schema (OpenAPI requires them; a module's document may lack them).
     */
    static void complete(ObjectNode paths) {
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            JsonNode item = it.next().getValue();
            for (String method : OperationIds.METHODS) {
                if (!(item.get(method) instanceof ObjectNode op)) {
                    continue;
                }
                ObjectNode responses = op.withObject("/responses");
                boolean open = op.has("security") && op.get("security").isEmpty();
                if (!open) {
                    problems(op, "401");
                }
                responses.fields().forEachRemaining(r -> {
                    if (r.getValue() instanceof ObjectNode response && !response.has("description")) {
                        response.put("description", "OK");
                    }
                });
            }
            arrayItems(item);
        }
    }

    private static void arrayItems(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if ("array".equals(object.path("type").asText()) && !object.has("items")) {
                object.putObject("items");
            }
            object.elements().forEachRemaining(OpenApiShapes::arrayItems);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(OpenApiShapes::arrayItems);
        }
    }

    /**
     * Picklist keys may be words in Chinese (a province is stored as 浙江 so that it compares with addresses), which
     * client generators cannot turn into constant names; {@code x-enum-varnames} (openapi-generator's extension) names
     * those constants after the English labels, and {@code x-enum-descriptions} carries the labels for documentation.
     */
    private static void enumNames(ObjectNode property, List<PicklistValue> picklist) {
        boolean plain = picklist.stream().allMatch(v -> v.value().matches("[A-Za-z][A-Za-z0-9_. -]*"));
        if (plain) {
            return;
        }
        ArrayNode names = property.putArray("x-enum-varnames");
        ArrayNode descriptions = property.putArray("x-enum-descriptions");
        Set<String> taken = new HashSet<>();
        for (PicklistValue v : picklist) {
            String source = v.value().matches("[A-Za-z][A-Za-z0-9_. -]*") ? v.value() : v.label().en();
            String name = source.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
            if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
                name = "V_" + name;
            }
            String unique = name;
            for (int i = 2; !taken.add(unique); i++) {
                unique = name + "_" + i;
            }
            names.add(unique);
            descriptions.add(v.label().en() + " / " + v.label().zhCN());
        }
    }
}

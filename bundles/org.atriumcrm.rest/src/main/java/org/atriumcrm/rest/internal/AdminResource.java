package org.atriumcrm.rest.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Instant;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleChange;
import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleRegistry;
import org.atriumcrm.api.module.ModuleState;
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

/** Administration: modules (list, enable, disable, change log) and the state of the running system. */
@Component(service = AdminResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Reference
    ModuleRegistry modules;

    @Reference
    Stores stores;

    @Reference
    org.atriumcrm.api.security.UserDirectory users;

    @Reference
    org.atriumcrm.api.record.RecordWrites writes;

    private String platformVersion;

    @Activate
    void activate(BundleContext context) {
        platformVersion = context.getBundle().getVersion().toString();
    }

    @GET
    @Path("modules")
    public ObjectNode modules() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        modules.modules().forEach(m -> items.add(module(m)));
        json.put("total", items.size());
        return json;
    }

    @GET
    @Path("modules/{id}")
    public ObjectNode module(@PathParam("id") String id) {
        return module(modules.module(id).orElseThrow(() -> AtriumException.notFound("no module " + id + " is installed")));
    }

    /** Enables a module; 409 when a module it requires is not enabled. */
    @POST
    @Path("modules/{id}/enable")
    public ObjectNode enable(@PathParam("id") String id, @Context SecurityContext security) {
        return module(modules.setEnabled(id, true, false, Requests.caller(security)));
    }

    /**
     * Disables a module: its resources, routes and handlers go away, its data stays. 409 for a platform module,
     * or while enabled modules require it, unless {@code cascade=true} disables them too.
     */
    @POST
    @Path("modules/{id}/disable")
    public ObjectNode disable(@PathParam("id") String id, @QueryParam("cascade") String cascade,
            @Context SecurityContext security) {
        return module(modules.setEnabled(id, false, Requests.flag("cascade", cascade), Requests.caller(security)));
    }

    @GET
    @Path("modules/{id}/changes")
    public ObjectNode changes(@PathParam("id") String id) {
        modules.module(id).orElseThrow(() -> AtriumException.notFound("no module " + id + " is installed"));
        return changeList(modules.changes(id, 200));
    }

    @GET
    @Path("module-changes")
    public ObjectNode allChanges() {
        return changeList(modules.changes(null, 200));
    }

    private static ObjectNode changeList(List<ModuleChange> changes) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        for (ModuleChange c : changes) {
            ObjectNode item = items.addObject();
            item.put("id", c.id());
            item.put("module", c.moduleId());
            item.put("action", c.enabled() ? "enabled" : "disabled");
            item.set("cascaded", Json.MAPPER.valueToTree(c.cascaded()));
            item.put("userId", c.userId());
            item.put("loginName", c.loginName());
            item.put("at", c.at().toString());
        }
        return json;
    }

    /**
     * Gives everything one owner (e.g. someone leaving) owns to another user or group, in every enabled module or
     * only in {@code entities}: {@code {"fromOwnerId", "toOwnerId", "entities": ["Account", ...]}} → counts per entity.
     * All or nothing ({@code RecordWrites.transferOwnedBy}): a store that fails part way leaves every record where it was.
     */
    @POST
    @Path("ownership-transfers")
    @javax.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode transferOwnership(com.fasterxml.jackson.databind.JsonNode body, @Context SecurityContext security) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the request body must be a JSON object {\"fromOwnerId\", \"toOwnerId\", \"entities\"}");
        }
        List<org.atriumcrm.api.error.FieldError> errors = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (!List.of("fromOwnerId", "toOwnerId", "entities").contains(n)) {
                errors.add(new org.atriumcrm.api.error.FieldError(n, "is not a member of an ownership transfer"));
            }
        });
        String from = body.path("fromOwnerId").isTextual() ? body.get("fromOwnerId").textValue() : null;
        String to = body.path("toOwnerId").isTextual() ? body.get("toOwnerId").textValue() : null;
        if (from == null) {
            errors.add(new org.atriumcrm.api.error.FieldError("fromOwnerId", "is required"));
        }
        if (to == null) {
            errors.add(new org.atriumcrm.api.error.FieldError("toOwnerId", "is required"));
        } else if (!users.isValidOwner(to)) {
            errors.add(new org.atriumcrm.api.error.FieldError("toOwnerId", "no active user or group with id " + to));
        }
        List<String> entities = new java.util.ArrayList<>();
        if (body.has("entities")) {
            if (!body.get("entities").isArray()) {
                errors.add(new org.atriumcrm.api.error.FieldError("entities", "must be an array of entity names"));
            } else {
                for (com.fasterxml.jackson.databind.JsonNode e : body.get("entities")) {
                    if (!e.isTextual() || stores.byName(e.textValue()).isEmpty()) {
                        errors.add(new org.atriumcrm.api.error.FieldError("entities", e + " is not an enabled entity type"));
                    } else {
                        entities.add(e.textValue());
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        ObjectNode json = Json.MAPPER.createObjectNode();
        ObjectNode counts = json.putObject("transferred");
        writes.transferOwnedBy(from, to, entities, Requests.caller(security)).forEach(counts::put);
        return json;
    }

    @GET
    @Path("system")
    public ObjectNode system() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("platformVersion", platformVersion);
        json.put("javaVersion", System.getProperty("java.version"));
        json.put("startedAt", Instant.ofEpochMilli(startMillis).toString());
        json.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        json.put("heapUsedBytes", heap.getUsed());
        json.put("heapCommittedBytes", heap.getCommitted());
        json.put("heapMaxBytes", heap.getMax());
        json.put("processors", Runtime.getRuntime().availableProcessors());
        return json;
    }

    static ObjectNode module(ModuleInfo m) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", m.id());
        json.set("name", MetaJson.label(m.name()));
        json.put("version", m.version());
        json.put("state", m.state().name().toLowerCase());
        json.put("installed", true);
        json.put("enabled", m.state() != ModuleState.DISABLED);
        json.put("platform", m.platform());
        json.set("requires", Json.MAPPER.valueToTree(m.requires().stream().sorted().toList()));
        ArrayNode entities = json.putArray("entityTypes");
        for (EntityRef e : m.entityTypes()) {
            entities.addObject().put("name", e.name()).put("plural", e.plural());
        }
        json.set("resourcePaths", Json.MAPPER.valueToTree(m.resourcePaths()));
        if (m.reason() != null) {
            json.put("reason", m.reason());
        }
        return json;
    }
}

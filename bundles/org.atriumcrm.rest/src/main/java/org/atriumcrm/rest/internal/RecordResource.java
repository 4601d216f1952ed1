package org.atriumcrm.rest.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.PATCH;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Context;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.RecordSharing;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.rest.api.AtriumRest;
import org.atriumcrm.rest.api.EntityView;
import org.atriumcrm.rest.api.ModuleEndpoint;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The root of {@code /api/v1/<plural>} (records of every registered entity type, see {@link EntityResource})
 * and of the modules' own endpoints ({@link ModuleEndpoint}). Everything is driven by the entity's metadata.
 */
@Component(service = RecordResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {
    private static final Logger LOG = LoggerFactory.getLogger(RecordResource.class);
    private final Map<String, ModuleEndpoint> endpoints = new ConcurrentHashMap<>();

    @Reference
    Stores stores;

    @Reference
    UserDirectory users;

    @Reference
    RecordSharing sharing;

    @Reference
    org.atriumcrm.api.record.RecordWrites writes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile org.atriumcrm.api.query.QuickSearchIndex searchIndex;

    /**
     * Everything under {@code /api/v1/<segment>} that no more specific root resource (meta, admin, recycle bin,
     * me, health) takes: a module's own endpoint if one is registered for the segment, else the records of the
     * entity type with that plural. Module endpoints are plain services, not whiteboard resources, so they come
     * and go without the application being rebuilt, and they cannot shadow another module's paths.
     */
    @Path("{segment}")
    public Object locate(@PathParam("segment") String segment, @Context SecurityContext security) {
        Optional<RecordStore<?>> entity = stores.byNameOrPluralIfPresent(segment);
        if (entity.isPresent()) {
            // an entity type always wins over a module endpoint; the caller only ever gets the secured view
            return new EntityResource(this, stores.secured(entity.get(), Requests.caller(security)), Requests.caller(security));
        }
        ModuleEndpoint endpoint = endpoints.get(segment);
        if (endpoint != null) {
            stores.requireEnabled(segment);
            return endpoint;
        }
        stores.byPlural(segment); // throws the 404 (or 503) that says why
        throw AtriumException.notFound("there is no entity type '" + segment + "'");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEndpoint(ModuleEndpoint endpoint, Map<String, Object> properties) {
        Object path = properties.get(ModuleEndpoint.PATH_PROPERTY);
        if (path instanceof String p && !p.isBlank()) {
            // bind methods may run before the field references are set: nothing here may use them
            ModuleEndpoint previous = endpoints.put(p, endpoint);
            if (previous != null && previous != endpoint) {
                LOG.warn("two module endpoints claim /api/v1/{}: {} replaces {}", p, endpoint.getClass().getName(),
                        previous.getClass().getName());
            }
        }
    }

    java.util.Collection<ModuleEndpoint> moduleEndpoints() {
        return endpoints.values();
    }

    void removeEndpoint(ModuleEndpoint endpoint, Map<String, Object> properties) {
        endpoints.values().remove(endpoint);
    }

    /** Record actions by "Entity/action" and entity views by "Entity/view", contributed by modules. */
    final Map<String, RecordAction> actions = new ConcurrentHashMap<>();
    final Map<String, EntityView> views = new ConcurrentHashMap<>();
    /** "Entity/action" or "Entity/view" → summary for the OpenAPI document. */
    final Map<String, String> summaries = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAction(RecordAction action, Map<String, Object> properties) {
        boolean collection = RecordAction.COLLECTION_SCOPE.equals(properties.get(RecordAction.SCOPE_PROPERTY));
        String key = properties.get(RecordAction.ENTITY_PROPERTY) + (collection ? "/*" : "/") + properties.get(RecordAction.ACTION_PROPERTY);
        actions.put(key, action);
        summaries.put("action:" + key, String.valueOf(properties.getOrDefault(RecordAction.SUMMARY_PROPERTY, "")));
        summaries.put("when:" + key, String.valueOf(properties.getOrDefault(RecordAction.WHEN_PROPERTY, "")));
    }

    void removeAction(RecordAction action, Map<String, Object> properties) {
        actions.values().remove(action);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(EntityView view, Map<String, Object> properties) {
        String key = properties.get(EntityView.ENTITY_PROPERTY) + "/" + properties.get(EntityView.VIEW_PROPERTY);
        views.put(key, view);
        summaries.put("view:" + key, String.valueOf(properties.getOrDefault(EntityView.SUMMARY_PROPERTY, "")));
    }

    void removeView(EntityView view, Map<String, Object> properties) {
        views.values().remove(view);
    }

    /** Files of one record contributed by modules, by "Entity/file" (e.g. "Product/image"). */
    final Map<String, org.atriumcrm.rest.api.RecordFile> files = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFile(org.atriumcrm.rest.api.RecordFile file, Map<String, Object> properties) {
        String key = properties.get(org.atriumcrm.rest.api.RecordFile.ENTITY_PROPERTY) + "/" + properties.get(org.atriumcrm.rest.api.RecordFile.FILE_PROPERTY);
        files.put(key, file);
        summaries.put("file:" + key, String.valueOf(properties.getOrDefault(org.atriumcrm.rest.api.RecordFile.SUMMARY_PROPERTY, "")));
        Object types = properties.get(org.atriumcrm.rest.api.RecordFile.TYPES_PROPERTY);
        summaries.put("file-types:" + key, types instanceof Object[] many ? String.join(",", java.util.Arrays.stream(many).map(String::valueOf).toList())
                : types == null ? "" : String.valueOf(types));
    }

    void removeFile(org.atriumcrm.rest.api.RecordFile file, Map<String, Object> properties) {
        files.values().removeIf(f -> f == file);
    }

    /** Views of one record contributed by other modules, by "Entity/view" (e.g. "Account/emails"). */
    final Map<String, org.atriumcrm.rest.api.RecordView> recordViews = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRecordView(org.atriumcrm.rest.api.RecordView view, Map<String, Object> properties) {
        // one view may serve several entity types (atrium.entity=Account, atrium.entity=Contact, ...): a String[] then
        Object entities = properties.get(org.atriumcrm.rest.api.RecordView.ENTITY_PROPERTY);
        for (Object entity : entities instanceof Object[] many ? java.util.List.of(many) : java.util.List.of(String.valueOf(entities))) {
            String key = entity + "/" + properties.get(org.atriumcrm.rest.api.RecordView.VIEW_PROPERTY);
            recordViews.put(key, view);
            summaries.put("record-view:" + key, String.valueOf(properties.getOrDefault(org.atriumcrm.rest.api.RecordView.SUMMARY_PROPERTY, "")));
        }
    }

    void removeRecordView(org.atriumcrm.rest.api.RecordView view, Map<String, Object> properties) {
        recordViews.values().removeIf(v -> v == view);
    }

    /** The names of the actions (or views) registered for an entity type, for messages. */
    static java.util.List<String> namesFor(Map<String, ?> registry, String entity) {
        return registry.keySet().stream().filter(k -> k.startsWith(entity + "/") && !k.startsWith(entity + "/*"))
                .map(k -> k.substring(entity.length() + 1)).sorted().toList();
    }

    /** The names of the collection-level actions of an entity type. */
    static java.util.List<String> collectionActionsFor(Map<String, ?> registry, String entity) {
        return registry.keySet().stream().filter(k -> k.startsWith(entity + "/*")).map(k -> k.substring(entity.length() + 2))
                .sorted().toList();
    }

    <T extends Record> ObjectNode list(RecordStore<T> store, String offset, String limit, String sort, String q,
            List<String> filter, Condition extra, String total) {
        ListQuery query = ListParams.parse(store.type(), offset, limit, sort, q, filter)
                .withCountLimit(ListParams.countLimit(total));
        if (!stores.indexed()) { // else the list index answers the page, or narrows before the database does
            query = narrow(store.type(), query);
        }
        if (extra != null) {
            query = query.withCondition(extra);
        }
        return page(store.type(), store.list(query));
    }

    /** A quick search narrowed for the database's own list (see {@link IndexedListStore#narrow}). */
    ListQuery narrow(EntityType<?> type, ListQuery query) {
        return IndexedListStore.narrow(searchIndex, type, query);
    }

    static <T extends Record> ObjectNode page(EntityType<T> type, Page<T> page) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        page.items().forEach(r -> items.add(RecordJson.write(type, r)));
        if (page.total() >= 0) {
            json.put("total", page.total());
        }
        if (!page.totalExact() && page.total() >= 0) {
            json.put("totalExact", false); // total is a lower bound: the count stopped there (ask total=exact)
        }
        json.put("offset", page.offset());
        json.put("limit", page.limit());
        return json;
    }

    <T extends Record> Response create(RecordStore<T> store, JsonNode body, boolean allowDuplicates, Caller caller) {
        EntityType<T> type = store.type();
        Map<String, Object> values = RecordJson.read(type, body, RecordJson.Mode.CREATE);
        @SuppressWarnings("unchecked")
        T created = (T) writes.create(type.name(), values, allowDuplicates, caller);
        // relative to the application base (/api), as JAX-RS resolves it
        return Response.created(URI.create("v1/" + type.plural() + "/" + created.getId()))
                .tag(Requests.etag(created)).entity(RecordJson.write(type, created)).build();
    }

    <T extends Record> Response get(RecordStore<T> store, String id, Request request) {
        T record = store.find(id).orElseThrow(() -> Problems.recordNotFound(store.type(), id));
        EntityTag tag = Requests.etag(record);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(RecordJson.write(store.type(), record)).tag(tag).build();
    }

    <T extends Record> Response update(RecordStore<T> store, String id, String ifMatch, JsonNode body,
            RecordJson.Mode mode, boolean allowDuplicates, Caller caller) {
        Long expected = Requests.expectedVersion(ifMatch);
        T stored = store.find(id).orElseThrow(() -> Problems.recordNotFound(store.type(), id));
        Map<String, Object> values = RecordJson.read(store.type(), body, mode, stored);
        @SuppressWarnings("unchecked")
        T updated = (T) writes.update(store.type().name(), id, expected, values, allowDuplicates, caller);
        return Response.ok(RecordJson.write(store.type(), updated)).tag(Requests.etag(updated)).build();
    }

    <T extends Record> ObjectNode duplicates(RecordStore<T> store, JsonNode body) {
        Map<String, Object> values = RecordJson.read(store.type(), body, RecordJson.Mode.PATCH);
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.set("items", Json.MAPPER.valueToTree(summaries(store.type(), store.findDuplicates(values, null))));
        return json;
    }

    <T extends Record> Response merge(RecordStore<T> store, JsonNode body, Caller caller) {
        EntityType<T> type = store.type();
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the request body must be a JSON object {\"survivorId\", \"mergedId\", \"take\", \"values\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!List.of("survivorId", "mergedId", "take", "values").contains(name)) {
                errors.add(new FieldError(name, "is not a merge parameter; use survivorId, mergedId, take, values"));
            }
        }
        String survivorId = textParam(body, "survivorId", errors);
        String mergedId = textParam(body, "mergedId", errors);
        JsonNode take = body.get("take");
        if (take != null && !take.isArray()) {
            errors.add(new FieldError("take", "must be an array of field names"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        T survivor = store.find(survivorId).orElseThrow(() -> AtriumException.notFound("no " + type.name() + " with id " + survivorId));
        T merged = store.find(mergedId).orElseThrow(() -> AtriumException.notFound("no " + type.name() + " with id " + mergedId));
        Map<String, Object> values = new LinkedHashMap<>();
        if (take != null) {
            for (JsonNode fieldName : take) {
                Optional<FieldDef<T>> field = fieldName.isTextual() ? type.field(fieldName.textValue()) : Optional.empty();
                if (field.isEmpty() || field.get().isReadOnly()) {
                    errors.add(new FieldError("take", fieldName + " is not a writable field of " + type.name()));
                } else {
                    values.put(field.get().name(), field.get().get(merged));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        if (body.hasNonNull("values")) {
            values.putAll(RecordJson.read(type, body.get("values"), RecordJson.Mode.PATCH));
        }
        writes.check(type.name(), survivor.getId(), values, true, caller);
        T result = store.merge(survivor.getId(), merged.getId(), values, caller);
        return Response.ok(RecordJson.write(type, result)).tag(Requests.etag(result)).build();
    }

    private static String textParam(JsonNode body, String name, List<FieldError> errors) {
        JsonNode node = body.get(name);
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            errors.add(new FieldError(name, "is required and must be a record id"));
            return null;
        }
        return node.textValue();
    }

    static <T extends Record> List<Map<String, Object>> summaries(EntityType<T> type, List<T> records) {
        return RecordWritesService.summaries(type, records);
    }
}

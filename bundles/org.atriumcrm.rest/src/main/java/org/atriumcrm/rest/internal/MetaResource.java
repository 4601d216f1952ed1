package org.atriumcrm.rest.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.HexFormat;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleState;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.ui.UiScreen;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Entity metadata of the enabled modules: what clients and the UI build forms, lists and filters from. */
@Component(service = MetaResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/meta")
@Produces(MediaType.APPLICATION_JSON)
public class MetaResource {

    private static final Logger LOG = LoggerFactory.getLogger(MetaResource.class);

    @Reference
    Stores stores;

    /** Screens come and go with their modules' gates: a disabled module's screen is simply no longer here. */
    private final List<UiScreen> screens = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addScreen(UiScreen screen) {
        screens.add(screen);
    }

    void removeScreen(UiScreen screen) {
        screens.remove(screen);
    }
    @Reference
    RecordResource records;

    /**
     * The entity types the caller may view, with an ETag of the answer: the web UI asks again on every navigation
     * and every few seconds (so that a module enabled or disabled shows in the menu of users already logged in),
     * and with If-None-Match an unchanged list is a 304 without a body.
     */
    @GET
    @Path("entities")
    public Response entities(@Context SecurityContext security, @Context Request request) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        stores.viewable(Requests.caller(security)).stream().sorted(Comparator.comparing(s -> s.type().name()))
                .forEach(s -> items.add(MetaJson.summary(s.type())));
        EntityTag tag = contentTag(json);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        // private: the list depends on the caller's profiles; no-cache: revalidated every time, never stale
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        return (notModified != null ? notModified : Response.ok(json)).tag(tag).cacheControl(cache).build();
    }

    /** A tag of the content itself: it changes exactly when the answer does, whatever made it change. */
    static EntityTag contentTag(ObjectNode json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.MAPPER.writeValueAsBytes(json));
            return new EntityTag(HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The metadata as the caller sees it: hidden fields are absent, read-only ones marked so, with the caller's rights. */
    @GET
    @Path("entities/{name}")
    public ObjectNode entity(@PathParam("name") String name, @Context SecurityContext security) {
        Caller caller = Requests.caller(security);
        RecordStore<?> store = stores.byNameOrPlural(name);
        EntityAccess access = stores.policy.access(caller, store.type());
        if (!access.can(Right.VIEW)) {
            throw AtriumException.forbidden("your profiles do not allow you to view " + store.type().pluralLabel().en().toLowerCase());
        }
        ObjectNode json = MetaJson.full(stores.secured(store, caller).type());
        // what a record page offers beyond the fields: the modules' actions and views of one record (convert,
        // advance, emails...), so a client builds its buttons and tabs from what is installed now
        String entity = store.type().name();
        ArrayNode actions = json.putArray("actions");
        RecordResource.namesFor(records.actions, entity).forEach(actions::add);
        // what each action takes and answers, so a client can offer a transition as a button (a comment asked for,
        // a PDF opened, the record or the document it made shown) without knowing the module
        ArrayNode details = json.putArray("actionDetails");
        for (String action : RecordResource.namesFor(records.actions, entity)) {
            org.atriumcrm.rest.api.RecordAction a = records.actions.get(entity + "/" + action);
            if (a != null) {
                details.add(MetaJson.action(action, records.summaries.getOrDefault("action:" + entity + "/" + action, ""),
                        records.summaries.getOrDefault("when:" + entity + "/" + action, ""), a.actionSchema(), n -> stores.byName(n).isPresent()));
            }
        }
        ArrayNode collectionActions = json.putArray("collectionActions");
        RecordResource.collectionActionsFor(records.actions, entity).forEach(collectionActions::add);
        ArrayNode recordViews = json.putArray("recordViews");
        RecordResource.namesFor(records.recordViews, entity).forEach(recordViews::add);
        ArrayNode rights = json.putArray("rights");
        for (Right r : Right.values()) {
            if (access.can(r)) {
                rights.add(r.jsonName());
            }
        }
        return json;
    }

    /**
     * The screens and home-page widgets of the enabled modules that the caller may use (a screen of an entity type
     * the caller may not view is left out). A contribution that breaks the {@link UiScreen} rules is left out and
     * logged rather than handed to browsers; of two with one name only one is listed.
     */
    @GET
    @Path("screens")
    public ObjectNode screens(@Context SecurityContext security) {
        Caller caller = Requests.caller(security);
        Set<String> viewable = new HashSet<>();
        stores.viewable(caller).forEach(s -> viewable.add(s.type().name()));
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode items = json.putArray("items");
        Set<String> names = new HashSet<>();
        screens.stream().filter(MetaResource::wellFormed)
                .filter(s -> stores.modules.module(s.moduleId()).map(m -> m.state() == ModuleState.ENABLED).orElse(false))
                .filter(s -> s.entity() == null || viewable.contains(s.entity()))
                .sorted(Comparator.comparing(UiScreen::placement).thenComparingInt(UiScreen::order).thenComparing(UiScreen::name))
                .filter(s -> names.add(s.name()))
                .forEach(s -> items.add(MetaJson.screen(s)));
        return json;
    }

    private static boolean wellFormed(UiScreen s) {
        boolean ok = s.moduleId() != null && UiScreen.NAME.matcher(s.moduleId()).matches()
                && s.name() != null && UiScreen.NAME.matcher(s.name()).matches()
                && s.element() != null && UiScreen.ELEMENT.matcher(s.element()).matches()
                && s.script() != null && UiScreen.SCRIPT.matcher(s.script()).matches()
                && s.label() != null && s.placement() != null;
        if (!ok) {
            LOG.warn("UI screen {} of module {} left out: name, element or script breaks the UiScreen rules", s.name(), s.moduleId());
        }
        return ok;
    }
}

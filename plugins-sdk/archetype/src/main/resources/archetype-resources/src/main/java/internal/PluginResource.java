package ${package}.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * An endpoint of the plugin's own at /api/v1/${moduleId}: authenticated, JSON, errors as problem+json. Its path
 * must differ from every entity plural (here "${entityPlural}"): a root path equal to one would shadow the
 * platform's record resource for it.
 */
@Component(service = PluginResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/${moduleId}")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {
    private final RecordStore<?> store;
    private final AccountEventCounter events;

    @Activate
    public PluginResource(@Reference(target = "(" + RecordStore.ENTITY_PROPERTY + "=${entityName})") RecordStore<?> store,
            @Reference AccountEventCounter events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PluginModule.ID + ")") ModuleGate gate) {
        this.store = store;
        this.events = events;
    }

    @GET
    @Path("status")
    public Map<String, Object> status() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("module", PluginModule.ID);
        json.put("${entityPlural}", store.count());
        json.put("accountEventsSeen", events.seen());
        return json;
    }
}

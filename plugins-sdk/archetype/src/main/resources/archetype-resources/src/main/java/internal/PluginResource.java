package ${package}.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.rest.api.ModuleEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's own endpoints at /api/v1/${moduleId}/...: authenticated, JSON, errors as problem+json. The platform
 * routes to this module endpoint (no class-level @Path); its path must differ from the entity plurals.
 */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.PATH_PROPERTY + "=" + PluginModule.ID)
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource implements ModuleEndpoint {
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

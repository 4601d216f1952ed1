package ${package}.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * ${entityName} records in the plugin's own persistence unit. Registering this store is all it takes for Atrium
 * to serve /api/v1/${entityPlural}: lists, filters, validation, ETags, recycle bin, metadata and OpenAPI.
 */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=${entityName}")
public class ${entityName}Store extends JpaRecordStore<${entityName}> {

    @Activate
    public ${entityName}Store(@Reference(target = "(osgi.unit.name=atrium.${moduleId})") JpaTemplate jpa,
            @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PluginModule.ID + ")") ModuleGate gate) {
        super(${entityName}.TYPE, jpa, events, List.of(${entityName}.TYPE));
    }
}

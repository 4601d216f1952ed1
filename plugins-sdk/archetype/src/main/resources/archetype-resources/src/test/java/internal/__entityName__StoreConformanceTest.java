package ${package}.internal;

import java.util.Map;

import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.atriumcrm.testkit.record.RecordStoreConformanceTest;
import org.osgi.service.event.EventAdmin;

/** The store keeps the contract the REST API, the recycle bin and other modules rely on: the plugin's own unit, in memory. */
public class ${entityName}StoreConformanceTest extends RecordStoreConformanceTest<${entityName}> {
    private static final InMemoryJpa JPA = InMemoryJpa.of("atrium.${moduleId}");

    @Override
    protected RecordStore<${entityName}> newStore(EventAdmin events) {
        JPA.deleteAll();
        // no module gate: it only switches the store on and off in the container
        return new ${entityName}Store(JPA, events, null);
    }

    @Override
    protected Map<String, Object> validValues(int n) {
        return Map.of("title", "${entityName} " + n, "body", "Text of ${entityName} " + n);
    }
}

package org.atriumcrm.opportunities.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Sales processes (administrators only). */
@Component(service = {RecordStore.class, SalesProcessStore.class}, property = RecordStore.ENTITY_PROPERTY + "=SalesProcess")
public class SalesProcessStore extends JpaRecordStore<SalesProcess> {

    @Activate
    public SalesProcessStore(@Reference(target = "(osgi.unit.name=atrium.opportunities)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        super(OpportunityTypes.PROCESS, jpa, events, OpportunityTypes.ALL);
    }
}

package org.atriumcrm.opportunities.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** The stages of the sales processes (administrators only). */
@Component(service = {RecordStore.class, SalesStageStore.class}, property = RecordStore.ENTITY_PROPERTY + "=SalesStage")
public class SalesStageStore extends JpaRecordStore<SalesStage> {

    @Activate
    public SalesStageStore(@Reference(target = "(osgi.unit.name=atrium.opportunities)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        super(OpportunityTypes.STAGE, jpa, events, OpportunityTypes.ALL);
    }
}

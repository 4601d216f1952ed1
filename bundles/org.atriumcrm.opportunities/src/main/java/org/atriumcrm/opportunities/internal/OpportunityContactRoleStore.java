package org.atriumcrm.opportunities.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** The parts contacts play in opportunities. */
@Component(service = {RecordStore.class, OpportunityContactRoleStore.class}, property = RecordStore.ENTITY_PROPERTY + "=OpportunityContactRole")
public class OpportunityContactRoleStore extends JpaRecordStore<OpportunityContactRole> {

    @Activate
    public OpportunityContactRoleStore(@Reference(target = "(osgi.unit.name=atrium.opportunities)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        super(OpportunityTypes.CONTACT_ROLE, jpa, events, OpportunityTypes.ALL);
    }
}

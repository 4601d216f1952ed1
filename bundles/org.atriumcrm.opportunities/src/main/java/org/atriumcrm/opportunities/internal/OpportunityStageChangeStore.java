package org.atriumcrm.opportunities.internal;

import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Stage history: written by the stage actions only, read as the {@code stage-history} related list. */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=OpportunityStageChange")
public class OpportunityStageChangeStore extends JpaRecordStore<OpportunityStageChange> {

    @Activate
    public OpportunityStageChangeStore(@Reference(target = "(osgi.unit.name=atrium.opportunities)") JpaTemplate jpa,
            @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        super(OpportunityTypes.STAGE_CHANGE, jpa, events, OpportunityTypes.ALL);
    }

    private static AtriumException readOnly() {
        return AtriumException.conflict("read-only-history", "stage history is written by the stage actions of an opportunity"
                + " (advance, close-won, close-lost) and cannot be changed").localized("read-only-history");
    }

    @Override
    public OpportunityStageChange create(Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public OpportunityStageChange update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        throw readOnly();
    }

    @Override
    public OpportunityStageChange merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }
}

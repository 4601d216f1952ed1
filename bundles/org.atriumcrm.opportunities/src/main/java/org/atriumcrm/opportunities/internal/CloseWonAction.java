package org.atriumcrm.opportunities.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/v1/opportunities/{id}/close-won}: closed won (probability 100), after the current stage's required actions. */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Opportunity",
    RecordAction.ACTION_PROPERTY + "=close-won",
    RecordAction.SUMMARY_PROPERTY + "=Close as won (after the current stage's required actions)"})
public class CloseWonAction extends StageAction {

    @Activate
    public CloseWonAction(@Reference OpportunityStore opportunities, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        super(opportunities, access);
    }

    @Override
    Set<String> members() {
        return Set.<String>of();
    }

    @Override
    Opportunity act(String id, JsonNode body, Caller caller) {
        return opportunities.closeWon(id, caller);
    }

    @Override
    void describe(com.fasterxml.jackson.databind.node.ObjectNode properties, com.fasterxml.jackson.databind.node.ArrayNode required) {
        // no members: an empty object
    }
}

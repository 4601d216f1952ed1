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

/** {@code POST /api/v1/opportunities/{id}/close-lost} {@code {"reason": required, "competitor": optional}}: closed lost (probability 0). */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Opportunity",
    RecordAction.ACTION_PROPERTY + "=close-lost",
    RecordAction.SUMMARY_PROPERTY + "=Close as lost: reason (required), competitor"})
public class CloseLostAction extends StageAction {

    @Activate
    public CloseLostAction(@Reference OpportunityStore opportunities, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        super(opportunities, access);
    }

    @Override
    Set<String> members() {
        return Set.of("reason", "competitor");
    }

    @Override
    Opportunity act(String id, JsonNode body, Caller caller) {
        return opportunities.closeLost(id, text(body, "reason"), text(body, "competitor"), caller);
    }

    @Override
    void describe(com.fasterxml.jackson.databind.node.ObjectNode properties, com.fasterxml.jackson.databind.node.ArrayNode required) {
        properties.putObject("reason").put("type", "string").put("minLength", 1);
        properties.putObject("competitor").put("type", "string");
        required.add("reason");
    }
}

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

/** {@code POST /api/v1/opportunities/{id}/complete-actions} {@code {"actions": ["visit_done"]}}: records required actions of the current stage as done. */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Opportunity",
    RecordAction.ACTION_PROPERTY + "=complete-actions",
    RecordAction.SUMMARY_PROPERTY + "=Record required actions of the current stage as done: actions [names]"})
public class CompleteActionsAction extends StageAction {

    @Activate
    public CompleteActionsAction(@Reference OpportunityStore opportunities, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        super(opportunities, access);
    }

    @Override
    Set<String> members() {
        return Set.of("actions");
    }

    @Override
    Opportunity act(String id, JsonNode body, Caller caller) {
        JsonNode actions = body.get("actions");
        if (actions == null || !actions.isArray() || actions.isEmpty()) {
            throw AtriumException.invalidField("actions", "is required: an array of the current stage's action names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode a : actions) {
            if (!a.isTextual()) {
                throw AtriumException.invalidField("actions", "must be an array of strings");
            }
            names.add(a.textValue().strip());
        }
        return opportunities.completeActions(id, names, caller);
    }

    @Override
    void describe(com.fasterxml.jackson.databind.node.ObjectNode properties, com.fasterxml.jackson.databind.node.ArrayNode required) {
        properties.putObject("actions").put("type", "array").put("description", "names of required actions of the current stage")
                .putObject("items").put("type", "string");
        required.add("actions");
    }
}

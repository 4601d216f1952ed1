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

/** {@code POST /api/v1/opportunities/{id}/advance} {@code {"stage": optional target, "probability": optional override}}: the next (or named) open stage; 409 naming the missing required actions. */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Opportunity",
    RecordAction.ACTION_PROPERTY + "=advance",
    RecordAction.SUMMARY_PROPERTY + "=To the next open stage or stage; optional probability override; 409 naming missing required actions"})
public class AdvanceAction extends StageAction {

    @Activate
    public AdvanceAction(@Reference OpportunityStore opportunities, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        super(opportunities, access);
    }

    @Override
    Set<String> members() {
        return Set.of("stage", "probability");
    }

    @Override
    Opportunity act(String id, JsonNode body, Caller caller) {
        JsonNode p = body.get("probability");
        if (p != null && !p.isNull() && !p.isIntegralNumber()) {
            throw AtriumException.invalidField("probability", "must be an integer between 0 and 100");
        }
        return opportunities.advance(id, text(body, "stage"), p == null || p.isNull() ? null : p.longValue(), caller);
    }

    @Override
    void describe(com.fasterxml.jackson.databind.node.ObjectNode properties, com.fasterxml.jackson.databind.node.ArrayNode required) {
        properties.putObject("stage").put("type", "string").put("description", "the stage to go to; the next open stage when left out");
        properties.putObject("probability").put("type", "integer").put("format", "int64").put("minimum", 0).put("maximum", 100)
                .put("description", "overrides the stage's default probability");
    }
}

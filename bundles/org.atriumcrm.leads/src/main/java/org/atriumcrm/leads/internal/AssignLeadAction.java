package org.atriumcrm.leads.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/leads/{id}/assign}: runs the assignment rules on a lead (as capture does; imports will too)
 * and gives it to the owner they choose; 409 when no active rule matches.
 */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Lead", RecordAction.ACTION_PROPERTY + "=assign",
    RecordAction.SUMMARY_PROPERTY + "=Run the lead assignment rules on this lead and give it to the owner they choose"})
public class AssignLeadAction implements RecordAction {
    private final LeadStore leads;
    private final LeadAssignmentRuleStore rules;
    private final AccessPolicy access;
    private final UserDirectory users;

    @Activate
    public AssignLeadAction(@Reference LeadStore leads, @Reference LeadAssignmentRuleStore rules, @Reference AccessPolicy access,
            @Reference UserDirectory users,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + LeadTypes.MODULE + ")") ModuleGate gate) {
        this.leads = leads;
        this.rules = rules;
        this.access = access;
        this.users = users;
    }

    /** No body (the rules decide); the lead's new owner and the rule that chose it. */
    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.noParameters("""
                {"type": "object", "additionalProperties": false, "required": ["leadId", "ownerId"],
                 "properties": {"leadId": {"type": "string", "format": "uuid"},
                   "ownerId": {"type": "string", "description": "the user or group the rule gave it to"},
                   "assignmentRuleId": {"type": "string", "format": "uuid", "nullable": true}}}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        Lead lead = (Lead) records.find(id).orElseThrow(() -> AtriumException.notFound("no Lead with id " + id).localized("record-not-found", "Lead", id));
        EntityAccess rights = access.access(caller, LeadTypes.LEAD);
        if (!rights.canChange(lead)) {
            throw AtriumException.forbidden("you may see lead " + id + " but not reassign it").localized("lead-not-assignable-by-you", id);
        }
        if (body != null && body.isObject() && body.size() > 0) {
            throw AtriumException.badRequest("assign takes no parameters: the rules decide");
        }
        if (lead.isConverted()) {
            throw AtriumException.conflict("lead-converted", "lead " + id + " was converted and is read-only").localized("lead-converted-read-only", id);
        }
        var chosen = rules.choose(lead).filter(a -> users.isValidOwner(a.ownerId())).orElseThrow(() -> AtriumException.conflict(
                "no-matching-rule", "no active assignment rule matches this lead (source " + lead.getSource() + ", region "
                        + lead.getRegion() + ", province " + lead.getProvince() + ")").localized("no-matching-rule", lead.getSource(), lead.getRegion(),
                        lead.getProvince()));
        Lead assigned = leads.assignedBy(id, chosen.ruleId(), chosen.ownerId(), caller);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("leadId", assigned.getId());
        result.put("ownerId", assigned.getOwnerId());
        result.put("assignmentRuleId", assigned.getAssignmentRuleId());
        return result;
    }
}

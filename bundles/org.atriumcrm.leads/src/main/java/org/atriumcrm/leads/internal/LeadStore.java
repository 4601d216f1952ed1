package org.atriumcrm.leads.internal;

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

/**
 * Leads in the leads persistence unit. A converted lead is read-only, and "converted" is a status only the
 * conversion sets.
 */
@Component(service = {RecordStore.class, LeadStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Lead")
public class LeadStore extends JpaRecordStore<Lead> {

    @Activate
    public LeadStore(@Reference(target = "(osgi.unit.name=atrium.leads)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + LeadTypes.MODULE + ")") ModuleGate gate) {
        super(LeadTypes.LEAD, jpa, events, LeadTypes.ALL);
    }

    @Override
    public Lead create(Map<String, Object> values, Caller caller) {
        refuseConvertedStatus(values);
        return super.create(values, caller);
    }

    @Override
    public Lead update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        if (find(id).map(Lead::isConverted).orElse(false)) {
            throw AtriumException.conflict("lead-converted", "lead " + id + " was converted and is read-only;"
                    + " change the account, contact or opportunity it became");
        }
        refuseConvertedStatus(values);
        return super.update(id, expectedVersion, values, caller);
    }

    private static void refuseConvertedStatus(Map<String, Object> values) {
        if (Lead.CONVERTED.equals(values.get("status"))) {
            throw AtriumException.conflict("invalid-status-change",
                    "a lead becomes converted only by converting it: POST /api/v1/leads/{id}/convert");
        }
    }

    /** Records the conversion on the lead (status, when, and what it became). */
    Lead markConverted(String id, String accountId, String contactId, String opportunityId, Caller caller) {
        return updateBySystem(id, caller, lead -> {
            if (lead.isConverted()) {
                throw AtriumException.conflict("lead-converted", "lead " + id + " was converted already");
            }
            lead.setStatus(Lead.CONVERTED);
            lead.setConvertedAt(now());
            lead.setConvertedAccountId(accountId);
            lead.setConvertedContactId(contactId);
            lead.setConvertedOpportunityId(opportunityId);
        }, "status", "convertedAt", "convertedAccountId", "convertedContactId", "convertedOpportunityId");
    }

    /** A lead from a web form: created as the form, then stamped with the form and the rule that assigned it. */
    Lead createFromForm(Map<String, Object> values, String formId, String ruleId, Caller form) {
        Lead created = create(values, form);
        return updateBySystem(created.getId(), form, lead -> {
            lead.setWebFormId(formId);
            lead.setAssignmentRuleId(ruleId);
        }, "webFormId", "assignmentRuleId");
    }

    /** Who the assignment rules chose, as the rule that chose them. */
    Lead assignedBy(String id, String ruleId, String ownerId, Caller caller) {
        return updateBySystem(id, caller, lead -> {
            lead.setOwnerId(ownerId);
            lead.setAssignmentRuleId(ruleId);
        }, "ownerId", "assignmentRuleId");
    }
}

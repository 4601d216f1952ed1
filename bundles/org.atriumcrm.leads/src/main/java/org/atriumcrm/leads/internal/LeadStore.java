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
                    + " change the account, contact or opportunity it became").localized("lead-converted-read-only", id);
        }
        refuseConvertedStatus(values);
        return super.update(id, expectedVersion, values, caller);
    }

    private static void refuseConvertedStatus(Map<String, Object> values) {
        if (Lead.CONVERTED.equals(values.get("status"))) {
            throw AtriumException.conflict("invalid-status-change",
                    "a lead becomes converted only by converting it: POST /api/v1/leads/{id}/convert").localized("convert-by-action");
        }
    }

    /** Records the conversion on the lead (status, when, and what it became), and closes its journal row in the same transaction. */
    Lead markConverted(String id, String accountId, String contactId, String opportunityId, String journalId, Caller caller) {
        return updateBySystem(id, caller, (em, lead) -> {
            LeadConversion journal = em.find(LeadConversion.class, journalId);
            journal.status = LeadConversion.DONE;
            journal.finishedAt = now();
            if (lead.isConverted()) {
                throw AtriumException.conflict("lead-converted", "lead " + id + " was converted already").localized("lead-converted", id);
            }
            lead.setStatus(Lead.CONVERTED);
            lead.setConvertedAt(now());
            lead.setConvertedAccountId(accountId);
            lead.setConvertedContactId(contactId);
            lead.setConvertedOpportunityId(opportunityId);
        }, "status", "convertedAt", "convertedAccountId", "convertedContactId", "convertedOpportunityId");
    }

    /** Opens the journal of a conversion before its first write. */
    String beginConversion(String leadId, Caller caller) {
        return tx(em -> {
            LeadConversion journal = new LeadConversion();
            journal.id = org.atriumcrm.persistence.api.RecordIds.next();
            journal.leadId = leadId;
            journal.userId = caller.userId();
            journal.status = LeadConversion.PENDING;
            journal.startedAt = now();
            em.persist(journal);
            return journal.id;
        });
    }

    /** Writes down a record the conversion created, before it goes on (so that recovery can undo it). */
    void conversionCreated(String journalId, String entity, String recordId) {
        tx(em -> {
            LeadConversion journal = em.find(LeadConversion.class, journalId);
            switch (entity) {
                case "Account" -> journal.createdAccountId = recordId;
                case "Contact" -> journal.createdContactId = recordId;
                default -> journal.createdOpportunityId = recordId;
            }
            return null;
        });
    }

    void conversionUndone(String journalId, String failure) {
        tx(em -> {
            LeadConversion journal = em.find(LeadConversion.class, journalId);
            journal.status = LeadConversion.UNDONE;
            journal.finishedAt = now();
            journal.failure = failure == null ? null : failure.substring(0, Math.min(500, failure.length()));
            return null;
        });
    }

    /** Conversions started before {@code before} and never finished: a crash or a stop interrupted them. */
    java.util.List<LeadConversion> interruptedConversions(java.time.Instant before) {
        return tx(em -> em.createQuery("SELECT c FROM LeadConversion c WHERE c.status = :p AND c.startedAt < :t", LeadConversion.class)
                .setParameter("p", LeadConversion.PENDING).setParameter("t", before).getResultList());
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

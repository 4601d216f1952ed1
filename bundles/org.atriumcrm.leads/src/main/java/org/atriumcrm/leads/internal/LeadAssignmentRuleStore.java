package org.atriumcrm.leads.internal;

import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Lead assignment rules (administrators only), and the choice of an owner for a lead: the first active rule by
 * priority that matches; round robin advances the rule's cursor in the same transaction (optimistic lock), so
 * two leads captured at once never go to the same person by accident.
 */
@Component(service = {RecordStore.class, LeadAssignmentRuleStore.class},
        property = RecordStore.ENTITY_PROPERTY + "=LeadAssignmentRule")
public class LeadAssignmentRuleStore extends JpaRecordStore<LeadAssignmentRule> {

    /** The owner chosen and the rule that chose them. */
    record Assignment(String ruleId, String ownerId) {
    }

    @Activate
    public LeadAssignmentRuleStore(@Reference(target = "(osgi.unit.name=atrium.leads)") JpaTemplate jpa,
            @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + LeadTypes.MODULE + ")") ModuleGate gate) {
        super(LeadTypes.RULE, jpa, events, LeadTypes.ALL);
    }

    Optional<Assignment> choose(Lead lead) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return tx(em -> {
                    List<LeadAssignmentRule> rules = em.createQuery("SELECT r FROM LeadAssignmentRule r WHERE r.deletedAt IS NULL"
                            + " AND r.active = TRUE ORDER BY r.priority, r.createdAt", LeadAssignmentRule.class).getResultList();
                    for (LeadAssignmentRule rule : rules) {
                        if (rule.matches(lead)) {
                            List<String> people = rule.assignees();
                            long turn = rule.getCursor() == null ? 0 : rule.getCursor();
                            String owner = people.get((int) (turn % people.size()));
                            if (LeadAssignmentRule.ROUND_ROBIN.equals(rule.getStrategy())) {
                                rule.setCursor(turn + 1);
                                em.flush(); // a concurrent assignment makes this fail and we take the next turn
                            } else {
                                owner = people.get(0);
                            }
                            return Optional.of(new Assignment(rule.getId(), owner));
                        }
                    }
                    return Optional.<Assignment>empty();
                });
            } catch (RuntimeException concurrent) {
                if (attempt == 4) {
                    throw concurrent;
                }
            }
        }
        return Optional.empty();
    }
}

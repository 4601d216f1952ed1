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
 * priority that matches; round robin takes the rule's next turn from a cursor counted up in the database, so
 * leads captured at once each get a turn and none of them fails for it.
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
        return tx(em -> {
            List<LeadAssignmentRule> rules = em.createQuery("SELECT r FROM LeadAssignmentRule r WHERE r.deletedAt IS NULL"
                    + " AND r.active = TRUE ORDER BY r.priority, r.createdAt", LeadAssignmentRule.class).getResultList();
            for (LeadAssignmentRule rule : rules) {
                if (rule.matches(lead)) {
                    List<String> people = rule.assignees();
                    if (!LeadAssignmentRule.ROUND_ROBIN.equals(rule.getStrategy())) {
                        return Optional.of(new Assignment(rule.getId(), people.get(0)));
                    }
                    long turn = nextTurn(em, rule.getId());
                    return Optional.of(new Assignment(rule.getId(), people.get((int) Math.floorMod(turn, (long) people.size()))));
                }
            }
            return Optional.<Assignment>empty();
        });
    }

    /**
     * Takes the rule's next turn with one UPDATE that adds to the cursor in the database: captures at the same
     * moment queue for the row's lock (held to the end of this short transaction) and each gets its own turn.
     * The entity's version-checked write it replaces made every concurrent capture but one fail (issue 13).
     */
    private static long nextTurn(javax.persistence.EntityManager em, String ruleId) {
        em.createNativeQuery("UPDATE ATRIUM_LEAD_ASSIGNMENT SET ROUND_ROBIN_CURSOR = COALESCE(ROUND_ROBIN_CURSOR, 0) + 1 WHERE ID = ?1")
                .setParameter(1, ruleId).executeUpdate();
        Number cursor = (Number) em.createNativeQuery("SELECT ROUND_ROBIN_CURSOR FROM ATRIUM_LEAD_ASSIGNMENT WHERE ID = ?1")
                .setParameter(1, ruleId).getSingleResult();
        // the statements bypass the entity: the rule's cached copy would show an old cursor
        em.getEntityManagerFactory().getCache().evict(LeadAssignmentRule.class, ruleId);
        return cursor.longValue() - 1;
    }
}

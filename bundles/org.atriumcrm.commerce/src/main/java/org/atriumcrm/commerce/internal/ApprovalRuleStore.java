package org.atriumcrm.commerce.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Approval rules: a rule names at least one threshold, an amount with its currency, and an approver that exists. */
@Component(service = {RecordStore.class, ApprovalRuleStore.class}, property = RecordStore.ENTITY_PROPERTY + "=ApprovalRule")
public class ApprovalRuleStore extends JpaRecordStore<ApprovalRule> {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final UserDirectory users;

    @Activate
    public ApprovalRuleStore(@Reference(target = "(osgi.unit.name=atrium.commerce)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference UserDirectory users,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + CommerceTypes.MODULE + ")") ModuleGate gate) {
        super(CommerceTypes.APPROVAL_RULE, jpa, events, CommerceTypes.ALL);
        this.users = users;
    }

    /** The active rules for documents of {@code entity}. */
    List<ApprovalRule> activeRules(String entity) {
        return tx(em -> em.createQuery("SELECT r FROM ApprovalRule r WHERE r.documentEntity = :e AND r.active = TRUE"
                + " AND r.deletedAt IS NULL ORDER BY r.createdAt", ApprovalRule.class).setParameter("e", entity).getResultList());
    }

    @Override
    protected void beforeCreate(EntityManager em, ApprovalRule rule, Caller caller) {
        if (rule.getActive() == null) {
            rule.setActive(Boolean.TRUE);
        }
        if (rule.getMatchWhen() == null) {
            rule.setMatchWhen(CommerceTypes.ANY);
        }
        check(rule);
    }

    @Override
    protected void beforeUpdate(EntityManager em, ApprovalRule rule, Set<String> changedFields, Caller caller) {
        check(rule);
    }

    private void check(ApprovalRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (rule.getMinDiscountPercent() == null && rule.getMinAmount() == null) {
            errors.add(FieldError.of("minDiscountPercent", "approval-threshold-required", "give a discount threshold, an amount threshold or both"));
        }
        BigDecimal d = rule.getMinDiscountPercent();
        if (d != null && (d.signum() < 0 || d.compareTo(HUNDRED) > 0)) {
            errors.add(new FieldError("minDiscountPercent", "must be between 0 and 100"));
        }
        if (rule.getMinAmount() != null) {
            if (rule.getMinAmount().signum() < 0) {
                errors.add(new FieldError("minAmount", "must not be negative"));
            }
            if (rule.getCurrency() == null) {
                errors.add(FieldError.of("currency", "approval-threshold-currency", "an amount threshold needs its currency"));
            }
        }
        if (CommerceTypes.USER.equals(rule.getApproverType())) {
            if (rule.getApproverUserId() == null || !users.isActiveUser(rule.getApproverUserId())) {
                errors.add(FieldError.of("approverUserId", "approver-inactive", "a named approver must be an active user"));
            }
        } else if (rule.getApproverUserId() != null) {
            errors.add(FieldError.of("approverUserId", "approver-not-named", "only a rule with approver 'user' names a user; 'manager' finds the approver in the role tree"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
    }
}

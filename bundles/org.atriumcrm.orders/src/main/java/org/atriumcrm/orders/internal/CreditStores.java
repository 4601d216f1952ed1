package org.atriumcrm.orders.internal;

import java.math.BigDecimal;
import java.util.Set;

import javax.persistence.EntityManager;

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

/** The credit settings: credit units and each account's credit row (at most one per account). */
final class CreditStores {
    private static final String GATE = "(" + ModuleGate.MODULE_PROPERTY + "=" + OrderTypes.MODULE + ")";

    private CreditStores() {
    }

    static void check(BigDecimal limit, Long termDays) {
        if (limit != null && limit.signum() < 0) {
            throw AtriumException.invalidField("creditLimit", "must not be negative");
        }
        if (termDays != null && (termDays < 0 || termDays > 3650)) {
            throw AtriumException.invalidField("creditTermDays", "must be between 0 and 3650");
        }
    }

    @Component(service = {RecordStore.class}, property = RecordStore.ENTITY_PROPERTY + "=CreditUnit")
    public static class Units extends JpaRecordStore<CreditUnit> {

        @Activate
        public Units(@Reference(target = "(osgi.unit.name=" + OrderTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
                @Reference(target = GATE) ModuleGate gate) {
            super(OrderTypes.CREDIT_UNIT, jpa, events, OrderTypes.ALL);
        }

        @Override
        protected void beforeCreate(EntityManager em, CreditUnit unit, Caller caller) {
            if (unit.getCurrency() == null) {
                unit.setCurrency("CNY");
            }
            check(unit.getCreditLimit(), unit.getCreditTermDays());
        }

        @Override
        protected void beforeUpdate(EntityManager em, CreditUnit unit, Set<String> changed, Caller caller) {
            check(unit.getCreditLimit(), unit.getCreditTermDays());
        }
    }

    @Component(service = {RecordStore.class}, property = RecordStore.ENTITY_PROPERTY + "=AccountCredit")
    public static class Accounts extends JpaRecordStore<AccountCredit> {

        @Activate
        public Accounts(@Reference(target = "(osgi.unit.name=" + OrderTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
                @Reference(target = GATE) ModuleGate gate) {
            super(OrderTypes.ACCOUNT_CREDIT, jpa, events, OrderTypes.ALL);
        }

        @Override
        protected void beforeCreate(EntityManager em, AccountCredit credit, Caller caller) {
            if (credit.getCurrency() == null) {
                credit.setCurrency("CNY");
            }
            rules(em, credit);
        }

        @Override
        protected void beforeUpdate(EntityManager em, AccountCredit credit, Set<String> changed, Caller caller) {
            rules(em, credit);
        }

        private static void rules(EntityManager em, AccountCredit credit) {
            check(credit.getCreditLimit(), credit.getCreditTermDays());
            Long others = em.createQuery("SELECT COUNT(a) FROM AccountCredit a WHERE a.accountId = :a AND a.id <> :id", Long.class)
                    .setParameter("a", credit.getAccountId()).setParameter("id", credit.getId()).getSingleResult();
            if (others > 0) {
                throw AtriumException.conflict("account-credit-exists", "account " + credit.getAccountId() + " has its credit settings"
                        + " already (one row per account; a row in the recycle bin is restored, not made again)")
                        .localized("account-credit-exists", credit.getAccountId());
            }
            if (credit.getCreditUnitId() != null) {
                CreditUnit unit = em.find(CreditUnit.class, credit.getCreditUnitId());
                if (unit == null || unit.isDeleted()) {
                    throw AtriumException.invalid("creditUnitId", "reference-not-found", "no CreditUnit with id " + credit.getCreditUnitId(),
                            "CreditUnit", credit.getCreditUnitId());
                }
            }
        }
    }
}

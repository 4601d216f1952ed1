package org.atriumcrm.orders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.commerce.api.Receivables;

/**
 * The figures of an order's credit check, read in the confirmation's transaction: the account's credit settings
 * (its credit unit's, when it belongs to one), the exposure of the unit's accounts and the overdue date. The credit
 * row (the unit's, else the account's) is locked first with an UPDATE, held until commit: confirmations within one
 * unit run one after the other, each seeing the amounts the ones before it committed.
 */
final class CreditCheck {

    /** The decision (null when the account has no credit limit) and the credit unit it was made for (null for none). */
    record Result(CreditRules.Decision decision, String unitId) {
    }

    private CreditCheck() {
    }

    static Result run(EntityManager em, SalesOrder order, Receivables receivables) {
        List<Object[]> rows = em.createQuery("SELECT a.id, a.creditUnitId FROM AccountCredit a WHERE a.accountId = :a AND a.deletedAt IS NULL",
                Object[].class).setParameter("a", order.getAccountId()).getResultList();
        if (rows.isEmpty()) {
            return new Result(null, null);
        }
        String creditId = (String) rows.get(0)[0];
        String unitId = (String) rows.get(0)[1];
        BigDecimal limit;
        Long term;
        String currency;
        List<String> accounts;
        if (unitId != null && lock(em, "CreditUnit", unitId)) {
            CreditUnit unit = em.find(CreditUnit.class, unitId);
            em.refresh(unit);
            limit = unit.getCreditLimit();
            term = unit.getCreditTermDays();
            currency = unit.getCurrency();
            accounts = em.createQuery("SELECT a.accountId FROM AccountCredit a WHERE a.creditUnitId = :u AND a.deletedAt IS NULL", String.class)
                    .setParameter("u", unitId).getResultList();
        } else {
            unitId = null;
            lock(em, "AccountCredit", creditId);
            AccountCredit own = em.find(AccountCredit.class, creditId);
            em.refresh(own);
            limit = own.getCreditLimit();
            term = own.getCreditTermDays();
            currency = own.getCurrency();
            accounts = List.of(order.getAccountId());
        }
        if (limit == null && term == null) {
            return new Result(null, unitId);
        }
        if (currency == null) {
            currency = order.getCurrency();
        }
        if (!currency.equals(order.getCurrency())) {
            throw AtriumException.conflict("credit-currency", "the credit limit of account " + order.getAccountId() + " is in " + currency
                    + " and the order in " + order.getCurrency() + "; the credit check compares amounts of one currency")
                    .localized("credit-currency", order.getAccountId(), currency, order.getCurrency());
        }
        BigDecimal ordered = em.createQuery("SELECT SUM(o.grandTotal - COALESCE(o.invoicedAmount, 0)) FROM SalesOrder o WHERE o.accountId IN :a"
                + " AND o.status IN :open AND o.currency = :c AND o.deletedAt IS NULL AND o.id <> :id", BigDecimal.class)
                .setParameter("a", accounts).setParameter("open", OrderTypes.OPEN).setParameter("c", currency)
                .setParameter("id", order.getId()).getSingleResult();
        BigDecimal exposure = ordered == null ? BigDecimal.ZERO : ordered;
        LocalDate overdue = null;
        if (receivables != null) {
            Receivables.Exposure open = receivables.exposure(em, accounts, currency);
            if (open != null) {
                exposure = exposure.add(open.openInvoiced() == null ? BigDecimal.ZERO : open.openInvoiced());
                overdue = open.oldestOpenDueDate();
            }
        }
        exposure = exposure.setScale(order.getGrandTotal().scale(), java.math.RoundingMode.HALF_UP);
        return new Result(CreditRules.decide(limit, exposure, order.getGrandTotal(), overdue, term, LocalDate.now(), currency), unitId);
    }

    /** The row's lock until commit, by a write to it (Derby keeps a read's lock only so long at read committed). */
    private static boolean lock(EntityManager em, String entity, String id) {
        return em.createQuery("UPDATE " + entity + " x SET x.version = x.version + 1 WHERE x.id = :id AND x.deletedAt IS NULL")
                .setParameter("id", id).executeUpdate() == 1;
    }
}

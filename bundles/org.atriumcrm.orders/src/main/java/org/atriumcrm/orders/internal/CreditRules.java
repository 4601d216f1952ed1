package org.atriumcrm.orders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The credit rules, apart from where their figures come from: an order passes when the unit's exposure (open
 * invoiced amounts plus confirmed orders not yet invoiced) plus the order stays within the limit, and no open invoice
 * is overdue past the credit term (its due date + term before today). Overdue is checked first: a customer who does
 * not pay gets no more goods on credit whatever the limit.
 */
final class CreditRules {

    enum Outcome { PASSED, OVER_LIMIT, OVERDUE }

    /** The decision and the figures it was made on, as stored on the order and sent in a refusal. */
    record Decision(Outcome outcome, BigDecimal limit, BigDecimal exposure, BigDecimal orderAmount, LocalDate overdueSince,
            String reason, String currency, long termDays) {
        boolean passed() {
            return outcome == Outcome.PASSED;
        }
    }

    private CreditRules() {
    }

    static Decision decide(BigDecimal limit, BigDecimal exposure, BigDecimal orderAmount, LocalDate oldestOpenDue, Long termDays,
            LocalDate today, String currency) {
        long term = termDays == null ? 0 : termDays;
        if (oldestOpenDue != null && oldestOpenDue.plusDays(term).isBefore(today)) {
            return new Decision(Outcome.OVERDUE, limit, exposure, orderAmount, oldestOpenDue, "an invoice due on " + oldestOpenDue
                    + " is open past the credit term of " + term + " days", currency, term);
        }
        BigDecimal after = exposure.add(orderAmount);
        if (limit != null && after.compareTo(limit) > 0) {
            return new Decision(Outcome.OVER_LIMIT, limit, exposure, orderAmount, null, "exposure " + exposure.toPlainString() + " + this order "
                    + orderAmount.toPlainString() + " = " + after.toPlainString() + " " + currency + " is over the credit limit of "
                    + limit.toPlainString() + " (by " + after.subtract(limit).toPlainString() + ")", currency, term);
        }
        return new Decision(Outcome.PASSED, limit, exposure, orderAmount, null, limit == null ? "no credit limit"
                : "exposure " + exposure.toPlainString() + " + this order " + orderAmount.toPlainString() + " = " + after.toPlainString()
                        + " " + currency + " within the credit limit of " + limit.toPlainString(), currency, term);
    }
}

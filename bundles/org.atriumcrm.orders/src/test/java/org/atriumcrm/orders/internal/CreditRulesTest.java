package org.atriumcrm.orders.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.Test;

/** The credit rules on their own: limit, exposure, overdue past the term, and which one wins. */
public class CreditRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static CreditRules.Decision decide(String limit, String exposure, String order, LocalDate due, Long term) {
        return CreditRules.decide(limit == null ? null : new BigDecimal(limit), new BigDecimal(exposure), new BigDecimal(order), due, term,
                TODAY, "CNY");
    }

    @Test
    public void withinTheLimitPassesAndExactlyTheLimitToo() {
        assertEquals(CreditRules.Outcome.PASSED, decide("1000.00", "600.00", "399.99", null, 30L).outcome());
        assertEquals(CreditRules.Outcome.PASSED, decide("1000.00", "600.00", "400.00", null, 30L).outcome());
    }

    @Test
    public void overTheLimitByOneFenIsRefusedWithTheFigures() {
        CreditRules.Decision d = decide("1000.00", "600.00", "400.01", null, 30L);
        assertEquals(CreditRules.Outcome.OVER_LIMIT, d.outcome());
        assertEquals(new BigDecimal("600.00"), d.exposure());
        assertEquals(new BigDecimal("400.01"), d.orderAmount());
        assertTrue(d.reason(), d.reason().contains("1000.01") && d.reason().contains("0.01"));
    }

    @Test
    public void anInvoiceOverduePastTheTermBlocksWhateverTheLimit() {
        // due 2026-11-01 + 30 days = 2026-12-01 < today
        CreditRules.Decision d = decide("1000000", "0", "1", LocalDate.of(2026, 11, 1), 30L);
        assertEquals(CreditRules.Outcome.OVERDUE, d.outcome());
        assertEquals(LocalDate.of(2026, 11, 1), d.overdueSince());
        // due 2026-11-07 + 30 = 2026-12-07: not before today, still within the term
        assertEquals(CreditRules.Outcome.PASSED, decide("1000000", "0", "1", LocalDate.of(2026, 11, 7), 30L).outcome());
        // no term: overdue the day after the due date
        assertEquals(CreditRules.Outcome.OVERDUE, decide("1000000", "0", "1", LocalDate.of(2026, 12, 6), null).outcome());
    }

    @Test
    public void onlyATermAndNoLimitChecksOverdueOnly() {
        assertEquals(CreditRules.Outcome.PASSED, decide(null, "99999999", "99999999", null, 10L).outcome());
    }
}

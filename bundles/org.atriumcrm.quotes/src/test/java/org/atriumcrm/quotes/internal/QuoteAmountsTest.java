package org.atriumcrm.quotes.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.List;

import org.atriumcrm.api.error.AtriumException;
import org.junit.Test;

/** A quote's figures: exact to the fen, from the lines only, and bad lines refused naming the line's own field. */
public class QuoteAmountsTest {

    private static QuoteLine line(String qty, String price, String pct, String amount, String tax) {
        QuoteLine l = new QuoteLine();
        l.setQuantity(new BigDecimal(qty));
        l.setUnitPrice(new BigDecimal(price));
        l.setDiscountPercent(pct == null ? null : new BigDecimal(pct));
        l.setDiscountAmount(amount == null ? null : new BigDecimal(amount));
        l.setTaxRate(new BigDecimal(tax));
        return l;
    }

    @Test
    public void totalsComeFromTheLinesWithTaxPerRate() {
        Quote q = new Quote();
        q.setCurrency("CNY");
        q.setShipping(new BigDecimal("50"));
        q.setShippingTaxRate(new BigDecimal("9"));
        q.setAdjustment(new BigDecimal("-0.50"));
        q.setGrandTotal(new BigDecimal("1")); // what a client claimed: ignored
        QuoteLine a = line("3", "1999.99", "20", null, "13");   // gross 5999.97, discount 1199.994, net 4799.98
        QuoteLine b = line("2.5", "100", null, "25", "6");      // gross 250, net 225.00
        QuoteAmounts.computeTotals(q, List.of(a, b));
        assertEquals(new BigDecimal("4799.98"), a.getNetAmount());
        assertEquals(new BigDecimal("1199.99"), a.getLineDiscount());
        assertEquals(new BigDecimal("225.00"), b.getNetAmount());
        assertEquals(new BigDecimal("5024.98"), q.getSubtotal());
        // 13 %: 4799.98 × 0.13 = 623.9974 → 624.00; 6 %: 13.50; 9 % on shipping 50 → 4.50
        assertEquals("6 %: 13.50; 9 %: 4.50; 13 %: 624.00", q.getTaxBreakdown());
        assertEquals(new BigDecimal("642.00"), q.getTaxTotal());
        assertEquals(new BigDecimal("5716.48"), q.getGrandTotal());
        assertEquals(new BigDecimal("20"), q.getMaxDiscountPercent());
        assertEquals(Long.valueOf(2), q.getLineCount());
    }

    @Test
    public void anAmountDiscountCountsAsItsPercentageForApproval() {
        Quote q = new Quote();
        q.setCurrency("CNY");
        QuoteAmounts.computeTotals(q, List.of(line("1", "200", null, "50", "0"), line("1", "100", "10", null, "0")));
        assertEquals(new BigDecimal("25"), q.getMaxDiscountPercent());
    }

    @Test
    public void badLinesNameTheirOwnFields() {
        assertRefused(line("0", "10", null, null, "13"), "quantity");
        assertRefused(line("1", "10", "120", null, "13"), "discountPercent");
        assertRefused(line("1", "10", null, "11", "13"), "discountAmount");
    }

    private static void assertRefused(QuoteLine l, String field) {
        try {
            QuoteAmounts.computeLine(l, "CNY");
            fail("accepted a bad " + field);
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertEquals(field, e.errors().get(0).field());
        }
    }
}

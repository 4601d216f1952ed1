package org.atriumcrm.commerce.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.commerce.api.Amounts.Line;
import org.atriumcrm.commerce.api.Amounts.Totals;
import org.junit.Test;

public class AmountsTest {
    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    public void linesAreRoundedOnceAndTaxIsPerRate() {
        // three lines of 0.335 net each at 13 %: per-line tax rounding would give 3 × 0.04 = 0.12; per rate 0.13
        List<Line> lines = List.of(new Line(d("1"), d("0.335"), null, null, d("13")),
                new Line(d("1"), d("0.335"), null, null, d("13")), new Line(d("1"), d("0.335"), null, null, d("13")));
        Totals t = Amounts.totals(lines, null, null, null, "CNY");
        assertEquals(d("0.34"), t.lines().get(0).net()); // half-up
        assertEquals(d("1.02"), t.subtotal());
        assertEquals(d("0.13"), t.taxes().get(d("13")));
        assertEquals(d("1.15"), t.grandTotal());
    }

    @Test
    public void discountsShippingAndAdjustment() {
        List<Line> lines = List.of(new Line(d("10"), d("99.90"), d("15"), null, d("13")), // 999 − 149.85 = 849.15
                new Line(d("2.5"), d("200"), null, d("50"), d("6")), // 500 − 50 = 450
                new Line(d("1"), d("30"), null, null, null)); // untaxed
        Totals t = Amounts.totals(lines, d("20"), d("13"), d("-0.15"), "CNY");
        assertEquals(d("1329.15"), t.subtotal());
        assertEquals(d("199.85"), t.discountTotal());
        assertEquals(d("112.99"), t.taxes().get(d("13"))); // (849.15 + 20) × 13 % = 112.9895
        assertEquals(d("27.00"), t.taxes().get(d("6")));
        assertEquals(d("139.99"), t.taxTotal());
        assertEquals(d("1488.99"), t.grandTotal()); // 1329.15 + 20 + 139.99 − 0.15
    }

    @Test
    public void yenHasNoMinorUnit() {
        Totals t = Amounts.totals(List.of(new Line(d("3"), d("333.5"), null, null, d("10"))), null, null, null, "JPY");
        assertEquals(d("1001"), t.subtotal()); // 1000.5 half-up
        assertEquals(d("100"), t.taxTotal());
        assertEquals(d("1101"), t.grandTotal());
    }

    @Test
    public void badLinesNameTheirField() {
        assertRefused(new Line(d("0"), d("1"), null, null, null), "lines[0].quantity");
        assertRefused(new Line(d("-1"), d("1"), null, null, null), "lines[0].quantity");
        assertRefused(new Line(d("1"), null, null, null, null), "lines[0].unitPrice");
        assertRefused(new Line(d("1"), d("-1"), null, null, null), "lines[0].unitPrice");
        assertRefused(new Line(d("1"), d("1"), d("100.01"), null, null), "lines[0].discountPercent");
        assertRefused(new Line(d("1"), d("1"), d("5"), d("1"), null), "lines[0].discountAmount");
        assertRefused(new Line(d("1"), d("10"), null, d("10.01"), null), "lines[0].discountAmount");
        assertRefused(new Line(d("1.00001"), d("1"), null, null, null), "lines[0].quantity");
    }

    @Test
    public void aNegativeGrandTotalIsRefused() {
        try {
            Amounts.totals(List.of(new Line(d("1"), d("10"), null, null, null)), null, null, d("-10.01"), "CNY");
            fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
        }
    }

    @Test
    public void twoHundredLinesSumExactly() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(new Line(d("3"), d("0.10"), null, null, d("13")));
        }
        Totals t = Amounts.totals(lines, null, null, null, "CNY");
        assertEquals(d("60.00"), t.subtotal());
        assertEquals(d("7.80"), t.taxTotal());
        assertTrue(t.grandTotal().compareTo(d("67.80")) == 0);
    }

    private static void assertRefused(Line line, String field) {
        try {
            Amounts.totals(List.of(line), null, null, null, "CNY");
            fail("accepted " + line);
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertTrue(e.errors() + " names " + field, e.errors().stream().anyMatch(f -> f.field().equals(field)));
        }
    }
}

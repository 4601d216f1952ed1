package org.atriumcrm.commerce.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;

import org.junit.Test;

public class DocumentModelTest {

    @Test
    public void quantitiesLoseTrailingZerosOnly() {
        assertEquals("2.5", DocumentModel.quantity(new BigDecimal("2.5000")));
        assertEquals("10", DocumentModel.quantity(new BigDecimal("10.0000")));
        assertEquals("1000", DocumentModel.quantity(new BigDecimal("1E+3")));
        assertNull(DocumentModel.quantity(null));
    }

    @Test
    public void moneyKeepsTheMinorUnitAndNeverRoundsAPrice() {
        assertEquals("299.00", DocumentModel.money(new BigDecimal("299"), "CNY"));
        assertEquals("299.50", DocumentModel.money(new BigDecimal("299.5000"), "CNY"));
        assertEquals("0.125", DocumentModel.money(new BigDecimal("0.1250"), "CNY"));
        assertEquals("1500", DocumentModel.money(new BigDecimal("1500.00"), "JPY"));
        assertEquals("1000.00", DocumentModel.money(new BigDecimal("1E+3"), "CNY"));
        assertEquals("13%", DocumentModel.percent(new BigDecimal("13.0000")));
    }
}

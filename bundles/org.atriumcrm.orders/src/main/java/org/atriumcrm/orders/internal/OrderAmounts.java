package org.atriumcrm.orders.internal;

import java.util.List;

import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.DocumentLines;

/**
 * An order's figures from its lines, always through {@link Amounts} (the one place order-to-cash documents compute
 * and round). Whatever a client sent for these is overwritten.
 */
final class OrderAmounts {

    private OrderAmounts() {
    }

    static Amounts.Line input(SalesOrderLine l) {
        return new Amounts.Line(l.getQuantity(), l.getUnitPrice(), l.getDiscountPercent(), l.getDiscountAmount(), l.getTaxRate());
    }

    /** One line's amounts; a rule it breaks is a 400 naming the line's own field ({@code quantity}). */
    static void computeLine(SalesOrderLine line, String currency) {
        set(line, DocumentLines.line(input(line), currency), currency);
    }

    private static void set(SalesOrderLine l, Amounts.LineAmount a, String currency) {
        l.setGrossAmount(Amounts.round(a.gross(), currency));
        l.setLineDiscount(a.discount());
        l.setNetAmount(a.net());
    }

    /** Sets the order's totals from {@code lines} (live lines in position order). */
    static void computeTotals(SalesOrder order, List<SalesOrderLine> lines) {
        String currency = order.getCurrency();
        Amounts.Totals t = Amounts.totals(lines.stream().map(OrderAmounts::input).toList(), order.getShipping(),
                order.getShippingTaxRate(), order.getAdjustment(), currency);
        for (int i = 0; i < lines.size(); i++) {
            set(lines.get(i), t.lines().get(i), currency);
        }
        order.setSubtotal(t.subtotal());
        order.setDiscountTotal(t.discountTotal());
        order.setTaxTotal(t.taxTotal());
        order.setGrandTotal(t.grandTotal());
        order.setTaxBreakdown(DocumentLines.taxBreakdown(t.taxes()));
        order.setLineCount((long) lines.size());
    }
}

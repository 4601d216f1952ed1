package org.atriumcrm.quotes.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.DocumentLines;

/**
 * A quote's figures from its lines, always through {@link Amounts} (the one place order-to-cash documents compute
 * and round): a line's gross, discount and net; the quote's subtotal, discounts, tax per rate, grand total and its
 * largest line discount in percent (what approval rules look at). Whatever a client sent for these is overwritten.
 */
final class QuoteAmounts {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuoteAmounts() {
    }

    static Amounts.Line input(QuoteLine l) {
        return new Amounts.Line(l.getQuantity(), l.getUnitPrice(), l.getDiscountPercent(), l.getDiscountAmount(), l.getTaxRate());
    }

    /** Computes one line's amounts; a rule it breaks is a 400 naming the line's own field ({@code quantity}, not {@code lines[0].quantity}). */
    static void computeLine(QuoteLine line, String currency) {
        Amounts.LineAmount a = DocumentLines.line(input(line), currency);
        line.setGrossAmount(Amounts.round(a.gross(), currency));
        line.setLineDiscount(a.discount());
        line.setNetAmount(a.net());
    }

    /** Sets the quote's totals from {@code lines} (live lines in position order). */
    static void computeTotals(Quote quote, List<QuoteLine> lines) {
        String currency = quote.getCurrency();
        Amounts.Totals t = Amounts.totals(lines.stream().map(QuoteAmounts::input).toList(), quote.getShipping(),
                quote.getShippingTaxRate(), quote.getAdjustment(), currency);
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine l = lines.get(i);
            Amounts.LineAmount a = t.lines().get(i);
            l.setGrossAmount(Amounts.round(a.gross(), currency));
            l.setLineDiscount(a.discount());
            l.setNetAmount(a.net());
        }
        quote.setSubtotal(t.subtotal());
        quote.setDiscountTotal(t.discountTotal());
        quote.setTaxTotal(t.taxTotal());
        quote.setGrandTotal(t.grandTotal());
        quote.setTaxBreakdown(breakdown(t.taxes()));
        quote.setLineCount((long) lines.size());
        quote.setMaxDiscountPercent(maxDiscountPercent(lines, t.lines()));
    }

    static String breakdown(Map<BigDecimal, BigDecimal> taxes) {
        return DocumentLines.taxBreakdown(taxes);
    }

    /** The largest discount of a line as a percentage of its gross (an amount discount counts as its percentage). */
    static BigDecimal maxDiscountPercent(List<QuoteLine> lines, List<Amounts.LineAmount> amounts) {
        BigDecimal max = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine l = lines.get(i);
            BigDecimal p;
            if (l.getDiscountPercent() != null && l.getDiscountPercent().signum() != 0) {
                p = l.getDiscountPercent();
            } else if (amounts.get(i).gross().signum() > 0) {
                p = amounts.get(i).discount().multiply(HUNDRED).divide(amounts.get(i).gross(), 2, java.math.RoundingMode.HALF_UP);
            } else {
                p = BigDecimal.ZERO;
            }
            if (p.compareTo(max) > 0) {
                max = p;
            }
        }
        return max.stripTrailingZeros().scale() < 0 ? max.setScale(0) : max.stripTrailingZeros();
    }
}

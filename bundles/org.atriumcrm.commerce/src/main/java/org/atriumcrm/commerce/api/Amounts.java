package org.atriumcrm.commerce.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place where the amounts of a quote, contract, sales order, invoice or purchase order are computed, so that
 * every document and every module rounds alike. The rules:
 * <ol>
 * <li>quantities and unit prices are exact decimals (at most 4 places); a quantity is greater than 0;</li>
 * <li>a line's gross is quantity × unit price, unrounded; its discount is either a percentage (0–100) of the gross
 * or an amount (0 up to the gross), not both; its net is gross − discount, rounded half-up to the currency's minor
 * unit ({@link Currency#getDefaultFractionDigits()}: 2 for CNY, USD and EUR, 0 for JPY);</li>
 * <li>tax is computed per rate, not per line: for each tax rate, the sum of the nets at that rate (the shipping at
 * its own rate included) × rate / 100, rounded half-up to the minor unit once — so a document's tax does not drift
 * with its number of lines (the rule of a Chinese VAT invoice's tax summary);</li>
 * <li>grand total = Σ nets + shipping + Σ taxes + adjustment (an adjustment may be negative; the grand total may not);
 * every figure is at the currency's scale.</li>
 * </ol>
 * A client never sends a total that is believed: the modules recompute with these rules on every change.
 */
@ProviderType
public final class Amounts {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** At most 4 decimal places in quantities, prices, percentages and rates, as the API's money fields. */
    public static final int MAX_SCALE = 4;

    private Amounts() {
    }

    /**
     * One line as entered. {@code discountPercent} and {@code discountAmount} may both be null (no discount); at most
     * one is given. {@code taxRate} is a percentage (13 for 13 % VAT), null for none.
     */
    public record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal discountAmount,
            BigDecimal taxRate) {
    }

    /** A computed line: gross (unrounded), discount, net (rounded) and its tax rate (0 for none). */
    public record LineAmount(BigDecimal gross, BigDecimal discount, BigDecimal net, BigDecimal taxRate) {
    }

    /**
     * A document's computed totals. {@code taxes} maps each rate to its tax; {@code subtotal} is Σ nets of the lines,
     * {@code discountTotal} Σ line discounts (at the currency's scale, for display).
     */
    public record Totals(List<LineAmount> lines, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal shipping,
            Map<BigDecimal, BigDecimal> taxes, BigDecimal taxTotal, BigDecimal adjustment, BigDecimal grandTotal) {
    }

    /** The number of decimal places of {@code currency}'s minor unit (2 when the JDK does not know it). */
    public static int scale(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    /** {@code amount} rounded half-up to {@code currency}'s minor unit; null stays null. */
    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(scale(currency), RoundingMode.HALF_UP);
    }

    /**
     * The amounts of one line, or a 400 naming the line's field ({@code lines[i].quantity}...) when it breaks the
     * rules above. {@code index} is the line's position for that name.
     */
    public static LineAmount line(Line line, int index, String currency) {
        List<FieldError> errors = new ArrayList<>();
        String at = "lines[" + index + "].";
        BigDecimal quantity = line.quantity();
        BigDecimal price = line.unitPrice();
        if (quantity == null || quantity.signum() <= 0) {
            errors.add(new FieldError(at + "quantity", "must be greater than 0"));
        } else if (quantity.stripTrailingZeros().scale() > MAX_SCALE) {
            errors.add(FieldError.of(at + "quantity", "decimal-places", "has more than " + MAX_SCALE + " decimal places", MAX_SCALE));
        }
        if (price == null) {
            errors.add(new FieldError(at + "unitPrice", "is required"));
        } else if (price.signum() < 0) {
            errors.add(new FieldError(at + "unitPrice", "must not be negative"));
        } else if (price.stripTrailingZeros().scale() > MAX_SCALE) {
            errors.add(FieldError.of(at + "unitPrice", "decimal-places", "has more than " + MAX_SCALE + " decimal places", MAX_SCALE));
        }
        BigDecimal percent = line.discountPercent();
        BigDecimal amount = line.discountAmount();
        if (percent != null && amount != null && percent.signum() != 0 && amount.signum() != 0) {
            errors.add(FieldError.of(at + "discountAmount", "discount-twice", "give a discount percentage or a discount amount, not both"));
        }
        if (percent != null && (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0)) {
            errors.add(new FieldError(at + "discountPercent", "must be between 0 and 100"));
        }
        if (line.taxRate() != null && (line.taxRate().signum() < 0 || line.taxRate().compareTo(HUNDRED) > 0)) {
            errors.add(new FieldError(at + "taxRate", "must be between 0 and 100"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        BigDecimal gross = quantity.multiply(price);
        BigDecimal discount = BigDecimal.ZERO;
        if (percent != null && percent.signum() != 0) {
            discount = gross.multiply(percent).divide(HUNDRED);
        } else if (amount != null && amount.signum() != 0) {
            if (amount.signum() < 0 || amount.compareTo(gross) > 0) {
                throw AtriumException.invalid(at + "discountAmount", "discount-over-gross", "must be between 0 and the line's gross amount "
                        + round(gross, currency).toPlainString(), round(gross, currency).toPlainString());
            }
            discount = amount;
        }
        BigDecimal net = round(gross.subtract(discount), currency);
        return new LineAmount(gross, round(discount, currency), net,
                line.taxRate() == null ? BigDecimal.ZERO : line.taxRate().stripTrailingZeros());
    }

    /**
     * The totals of a document: its lines, its shipping (null for none) taxed at {@code shippingTaxRate} (null for
     * none) and its adjustment (null for none).
     */
    public static Totals totals(List<Line> lines, BigDecimal shipping, BigDecimal shippingTaxRate, BigDecimal adjustment,
            String currency) {
        if (shipping != null && shipping.signum() < 0) {
            throw AtriumException.invalidField("shipping", "must not be negative");
        }
        List<LineAmount> amounts = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            amounts.add(line(lines.get(i), i, currency));
        }
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        Map<BigDecimal, BigDecimal> taxable = new TreeMap<>();
        for (LineAmount a : amounts) {
            subtotal = subtotal.add(a.net());
            discounts = discounts.add(a.discount());
            taxable.merge(a.taxRate(), a.net(), BigDecimal::add);
        }
        BigDecimal ship = round(shipping == null ? BigDecimal.ZERO : shipping, currency);
        if (ship.signum() > 0) {
            taxable.merge(shippingTaxRate == null ? BigDecimal.ZERO : shippingTaxRate.stripTrailingZeros(), ship, BigDecimal::add);
        }
        Map<BigDecimal, BigDecimal> taxes = new TreeMap<>();
        BigDecimal taxTotal = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> e : taxable.entrySet()) {
            if (e.getKey().signum() != 0) {
                BigDecimal tax = round(e.getValue().multiply(e.getKey()).divide(HUNDRED), currency);
                taxes.put(e.getKey(), tax);
                taxTotal = taxTotal.add(tax);
            }
        }
        BigDecimal adjust = round(adjustment == null ? BigDecimal.ZERO : adjustment, currency);
        BigDecimal grand = subtotal.add(ship).add(taxTotal).add(adjust);
        if (grand.signum() < 0) {
            throw AtriumException.invalid("adjustment", "grand-total-negative", "would make the grand total negative ("
                    + grand.toPlainString() + ")", grand.toPlainString());
        }
        return new Totals(List.copyOf(amounts), round(subtotal, currency), round(discounts, currency), ship,
                Collections.unmodifiableMap(taxes), round(taxTotal, currency), adjust, round(grand, currency));
    }
}

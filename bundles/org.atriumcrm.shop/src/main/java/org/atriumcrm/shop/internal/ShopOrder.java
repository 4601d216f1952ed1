package org.atriumcrm.shop.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order as every shop platform's webhook describes it, in the CRM's terms: its id and number at the shop, whether
 * the shop cancelled or refunded it, the customer, addresses, shipping and lines by SKU.
 */
record ShopOrder(String externalId, String number, String status, boolean cancelled, String currency, LocalDate date,
        Customer customer, String billingAddress, String shippingAddress, BigDecimal shipping, String note, List<Line> lines) {

    /** The buyer: matched to a contact by e-mail or mobile, else created with an account. */
    record Customer(String email, String phone, String firstName, String lastName, String company, String city) {

        /** The person's name as Chinese and western shops both show it (family name first when it is CJK). */
        String fullName() {
            String last = lastName == null ? "" : lastName.strip();
            String first = firstName == null ? "" : firstName.strip();
            if (last.isEmpty() || first.isEmpty()) {
                return (last + first).isEmpty() ? null : last + first;
            }
            return Character.UnicodeScript.of(last.codePointAt(0)) == Character.UnicodeScript.HAN ? last + first : first + " " + last;
        }
    }

    /** A line: the SKU, the shop's name for it, the quantity and the unit price the customer paid (discounts deducted). */
    record Line(String sku, String name, BigDecimal quantity, BigDecimal unitPrice) {
    }
}

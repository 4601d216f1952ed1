/**
 * Invoices as the payments module settles them: the JPA entity {@link org.atriumcrm.invoicing.api.Invoice} (table
 * {@code ATRIUM_INVOICE}), which a settling module lists in its own persistence unit, and its statuses
 * ({@link org.atriumcrm.invoicing.api.InvoiceStatus}). The entity is {@code @Cacheable(false)}: every unit reads it
 * from the database.
 * <p>
 * How to settle a payment, in the payments module's own transaction together with its payment row: one conditional
 * UPDATE that never takes more than is open and only touches an issued or partly paid invoice —
 * <pre>
 * UPDATE Invoice i SET i.paidAmount = i.paidAmount + :amount,
 *        i.status = CASE WHEN i.paidAmount + :amount &gt;= i.grandTotal THEN 'paid' ELSE 'partly_paid' END,
 *        i.version = i.version + 1
 *  WHERE i.id = :id AND i.deletedAt IS NULL AND i.status IN ('issued', 'partly_paid')
 *    AND i.grandTotal - i.paidAmount &gt;= :amount
 * </pre>
 * 0 rows means the invoice is not open or the amount is over what is open (read it again for the 4xx that says
 * which); a refund is the same with a negative amount and the guard {@code i.paidAmount + :amount >= 0}. Never read,
 * change and write back {@code paidAmount}: two payments at once would lose one. The invoicing module refuses to
 * cancel an invoice with a paid amount.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atriumcrm.invoicing.api;

package org.atriumcrm.orders.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Delivery and invoicing progress of sales orders (the orders module registers it while enabled). The methods that
 * take an {@link EntityManager} run on that EntityManager's connection, inside the caller's transaction: the caller
 * (a delivery note, an invoice) writes its own rows, books its stock movements and changes the order in one commit.
 * <p>
 * Rules: {@link #lock} comes before the changes of lines — it locks the order's row until commit, so that every
 * delivery and invoice of one order is serialised on that row (and never deadlocks on its lines); a caller that also
 * books stock does so before {@link #lock} (balances first, then the order, in every transaction); only a confirmed,
 * partly delivered or delivered order is fulfilled (409 {@code order-not-confirmed}). A delivery or invoice of more
 * than remains is a 400 {@code delivery-exceeds-remaining} / {@code invoice-exceeds-remaining} naming the line, what
 * was ordered, what was delivered (invoiced) and what was asked — decided by the database in one conditional UPDATE
 * per line, so concurrent documents never deliver a line twice. After deliveries the order's status is derived from
 * its lines (partly delivered, delivered). After the caller's commit, {@link #committed} announces the order's change.
 */
@ProviderType
public interface Fulfilment {

    /** A line of an order as fulfilment sees it; quantities as stored, {@code delivered} and {@code invoiced} never null. */
    record OrderLine(String id, String salesOrderId, long position, String productId, String productName, String sku, String unit,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal discountAmount, BigDecimal taxRate,
            BigDecimal netAmount, BigDecimal delivered, BigDecimal invoiced) {

        public BigDecimal toDeliver() {
            return quantity.subtract(delivered);
        }

        public BigDecimal toInvoice() {
            return quantity.subtract(invoiced);
        }
    }

    /** An order with its live lines in position order. */
    record Order(String id, String number, String status, String accountId, String contactId, String ownerId, String currency,
            String billingAddress, String shippingAddress, Long paymentTermDays, BigDecimal shipping, BigDecimal shippingTaxRate,
            BigDecimal adjustment, BigDecimal grandTotal, BigDecimal invoicedAmount, String invoiceFrequency, LocalDate invoiceStart,
            LocalDate invoiceEnd, Long invoicePaymentTermDays, LocalDate nextInvoiceDate, List<OrderLine> lines) {
    }

    /** How much of one order line a document takes ({@code quantity} &gt; 0). */
    record Quantity(String salesOrderLineId, BigDecimal quantity) {
    }

    /** The order {@code orderId} as committed (deleted ones excluded), read in its own transaction. */
    Optional<Order> order(String orderId);

    /**
     * Locks order {@code orderId} in the caller's transaction and reads it with its lines: 400 {@code salesOrderId}
     * when there is no such order, 409 {@code order-not-confirmed} unless it is confirmed, partly delivered or delivered.
     */
    Order lock(EntityManager em, String orderId);

    /** Adds {@code quantities} to the lines' delivered quantities and derives the order's status. */
    void deliver(EntityManager em, String orderId, List<Quantity> quantities, Caller caller);

    /** Takes {@code quantities} back from the lines' delivered quantities (a cancelled delivery) and derives the status. */
    void undeliver(EntityManager em, String orderId, List<Quantity> quantities, Caller caller);

    /** Adds {@code quantities} to the lines' invoiced quantities and {@code amount} to the order's invoiced amount. */
    void invoice(EntityManager em, String orderId, List<Quantity> quantities, BigDecimal amount, Caller caller);

    /** Takes back what {@link #invoice} added (a cancelled invoice). */
    void uninvoice(EntityManager em, String orderId, List<Quantity> quantities, BigDecimal amount, Caller caller);

    /** Ids of orders with a recurring invoicing schedule whose next run is on or before {@code today}. */
    List<String> dueSchedules(LocalDate today);

    /**
     * Claims the run of {@code orderId}'s schedule due on {@code due} in the caller's transaction: moves the next run
     * to the following period (or clears it after the schedule's end) with a conditional UPDATE on the due date — of
     * two runs (two nodes, a retry) exactly one gets true. The caller writes that period's invoice in the same
     * transaction, so a run is never claimed without its invoice nor invoiced twice.
     */
    boolean claimScheduledRun(EntityManager em, String orderId, LocalDate due);

    /** After the caller's commit: the order's listeners (history, list index, UI) hear that it changed. */
    void committed(String orderId, Caller caller);

    /** The next run after {@code due} for {@code frequency} ({@code monthly}, {@code quarterly}, {@code yearly}). */
    static LocalDate nextRun(String frequency, LocalDate due) {
        return switch (frequency) {
            case "monthly" -> due.plusMonths(1);
            case "quarterly" -> due.plusMonths(3);
            case "yearly" -> due.plusYears(1);
            default -> throw new IllegalArgumentException("unknown frequency " + frequency);
        };
    }
}

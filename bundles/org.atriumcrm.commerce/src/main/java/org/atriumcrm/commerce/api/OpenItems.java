package org.atriumcrm.commerce.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ConsumerType;

import javax.persistence.EntityManager;

/**
 * The documents money is owed on, as the payments module records payments against them: invoices (receivables,
 * registered by the invoicing module) and purchase orders (payables, registered by purchasing), one service per
 * document entity with the service property {@link #ENTITY_PROPERTY} naming it.
 *
 * <p>A payment and the document's settled amount change in one transaction, the payment's: {@link #settle} runs a
 * conditional UPDATE on the caller's EntityManager (all modules share one database), never read-modify-write, so
 * payments racing for one invoice never settle more than it is owed and a refund never more than was paid.
 *
 * @since 1.2
 */
@ConsumerType
public interface OpenItems {
    /** Service property: the document entity whose open items this service answers for, e.g. {@code Invoice}. */
    String ENTITY_PROPERTY = "atrium.entity";
    /** {@link #direction()} of invoices: customers owe us. */
    String RECEIVABLE = "receivable";
    /** {@link #direction()} of purchase orders: we owe vendors. */
    String PAYABLE = "payable";

    /**
     * A document as payments see it: {@code partyId} is the account (receivable) or vendor (payable); amounts in
     * {@code currency} at its scale; {@code dueDate} null when the document names none.
     */
    record OpenItem(String entity, String id, String number, String partyId, String ownerId, String currency,
            BigDecimal amount, BigDecimal settled, LocalDate dueDate, String status) {
        /** What is still owed. */
        public BigDecimal open() {
            return amount.subtract(settled);
        }

        /** Owed and past its due date on {@code today}. */
        public boolean overdueOn(LocalDate today) {
            return dueDate != null && dueDate.isBefore(today) && open().signum() > 0;
        }
    }

    /** {@link #RECEIVABLE} or {@link #PAYABLE}. */
    String direction();

    /** The document {@code id} as {@code caller} sees it: 404 when they cannot. */
    OpenItem find(String id, Caller caller);

    /** Documents of {@code partyIds} that are payable and not fully settled, in {@code currency} (null for any). */
    List<OpenItem> open(Collection<String> partyIds, String currency);

    /** As {@link #open(Collection, String)}, read on the caller's EntityManager, in its transaction. */
    default List<OpenItem> open(EntityManager em, Collection<String> partyIds, String currency) {
        return open(partyIds, currency);
    }

    /** Payable, not fully settled documents due from {@code from} to {@code to} (both included), oldest first. */
    List<OpenItem> dueBetween(LocalDate from, LocalDate to, int limit);

    /**
     * Adds {@code delta} (negative for a refund) to the settled amount of document {@code id} on {@code em}, in the
     * caller's transaction: 400 {@code payment-exceeds-open} when more than is open, 400 {@code refund-exceeds-settled}
     * when a refund takes back more than was paid, 409 {@code not-payable} when the document's status takes no
     * payment (a draft or a cancelled one). The change is in the document's history as {@code caller}'s. The document
     * as it is after.
     */
    OpenItem settle(EntityManager em, String id, BigDecimal delta, Caller caller);

    /** After the caller's transaction committed: the document's own events (e.g. paid in full) and lists. */
    void settled(String id, Caller caller);
}

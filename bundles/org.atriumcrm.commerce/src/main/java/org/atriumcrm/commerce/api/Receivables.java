package org.atriumcrm.commerce.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the orders module's credit control reads of the receivables (the payments module registers it while
 * enabled): what a set of accounts owes and whether any of it is overdue.
 */
@ProviderType
public interface Receivables {

    /**
     * For the accounts {@code accountIds} together (a credit unit): the open amount of their issued invoices in
     * {@code currency}, and the oldest due date among those not fully paid (null when none is open).
     */
    record Exposure(BigDecimal openInvoiced, LocalDate oldestOpenDueDate) {
    }

    Exposure exposure(Collection<String> accountIds, String currency);

    /**
     * As {@link #exposure(Collection, String)}, read on the caller's EntityManager in its transaction: the credit
     * check holds its credit unit's lock meanwhile, and a second connection per waiting confirmation would drain the
     * pool under a burst of them. @since 1.2
     */
    default Exposure exposure(EntityManager em, Collection<String> accountIds, String currency) {
        return exposure(accountIds, currency);
    }
}

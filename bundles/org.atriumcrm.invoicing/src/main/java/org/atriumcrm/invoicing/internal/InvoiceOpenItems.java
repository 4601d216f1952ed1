package org.atriumcrm.invoicing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import javax.persistence.EntityManager;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.OpenItems;
import org.atriumcrm.commerce.api.Settlements;
import org.atriumcrm.invoicing.api.Invoice;
import org.atriumcrm.invoicing.api.InvoiceStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Invoices as receivables: an issued invoice is owed by its account from its due date; payments settle it through
 * {@link #settle} in the payment's transaction (issued → partly paid → paid, and back on a refund), and a paid one
 * cannot be cancelled.
 */
@Component(service = OpenItems.class, property = OpenItems.ENTITY_PROPERTY + "=Invoice")
public class InvoiceOpenItems implements OpenItems {
    static final Settlements.Table TABLE = new Settlements.Table("ATRIUM_INVOICE", "Invoice", "INVOICE_NUMBER", InvoiceStore.PAYABLE,
            InvoiceStatus.PARTLY_PAID, InvoiceStatus.PAID, InvoiceStatus.ISSUED);
    private final InvoiceStore invoices;
    private final AccessPolicy access;

    @Activate
    public InvoiceOpenItems(@Reference InvoiceStore invoices, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InvoicingTypes.MODULE + ")") ModuleGate gate) {
        this.invoices = invoices;
        this.access = access;
    }

    @Override
    public String direction() {
        return RECEIVABLE;
    }

    @Override
    public OpenItem find(String id, Caller caller) {
        return invoices.find(id).filter(i -> access.access(caller, InvoicingTypes.INVOICE).read().allows(i)).map(InvoiceOpenItems::item)
                .orElseThrow(() -> AtriumException.notFound("no Invoice with id " + id).localized("record-not-found", "Invoice", id));
    }

    @Override
    public List<OpenItem> open(Collection<String> partyIds, String currency) {
        return partyIds.isEmpty() ? List.of() : invoices.openInvoices(partyIds, currency).stream().map(InvoiceOpenItems::item).toList();
    }

    @Override
    public List<OpenItem> open(EntityManager em, Collection<String> partyIds, String currency) {
        if (partyIds.isEmpty()) {
            return List.of();
        }
        // on the credit check's own connection (it holds its credit unit's lock): native SQL, as that unit maps no invoice
        List<String> ids = List.copyOf(partyIds);
        StringBuilder sql = new StringBuilder("SELECT ID, INVOICE_NUMBER, ACCOUNT_ID, OWNER_ID, CURRENCY, GRAND_TOTAL, PAID_AMOUNT, DUE_DATE,"
                + " STATUS FROM ATRIUM_INVOICE WHERE DELETED_AT IS NULL AND STATUS IN (?1, ?2) AND ACCOUNT_ID IN (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('?').append(i + 4);
        }
        sql.append(')').append(currency == null ? "" : " AND CURRENCY = ?3");
        javax.persistence.Query q = em.createNativeQuery(sql.toString()).setParameter(1, InvoiceStore.PAYABLE.get(0))
                .setParameter(2, InvoiceStore.PAYABLE.get(1));
        if (currency != null) {
            q.setParameter(3, currency);
        }
        for (int i = 0; i < ids.size(); i++) {
            q.setParameter(i + 4, ids.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new OpenItem(InvoicingTypes.INVOICE.name(), (String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], scaled(decimal(r[5]), (String) r[4]), scaled(decimal(r[6]), (String) r[4]), date(r[7]), (String) r[8])).toList();
    }

    @Override
    public List<OpenItem> dueBetween(LocalDate from, LocalDate to, int limit) {
        return invoices.dueInvoices(from, to, limit).stream().map(InvoiceOpenItems::item).toList();
    }

    @Override
    public OpenItem settle(EntityManager em, String id, BigDecimal delta, Caller caller) {
        Settlements.settle(em, TABLE, id, delta, caller);
        // the payment's unit does not map invoices (the payments module must not need this one): read by SQL, in its transaction
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT INVOICE_NUMBER, ACCOUNT_ID, OWNER_ID, CURRENCY, GRAND_TOTAL, PAID_AMOUNT,"
                + " DUE_DATE, STATUS FROM ATRIUM_INVOICE WHERE ID = ?").setParameter(1, id).getResultList();
        Object[] r = rows.get(0);
        String currency = (String) r[3];
        return new OpenItem(InvoicingTypes.INVOICE.name(), id, (String) r[0], (String) r[1], (String) r[2], currency,
                scaled(decimal(r[4]), currency), scaled(decimal(r[5]), currency), date(r[6]), (String) r[7]);
    }

    private static BigDecimal decimal(Object v) {
        return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    private static LocalDate date(Object v) {
        return v == null ? null : v instanceof LocalDate d ? d : v instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(v.toString());
    }

    @Override
    public void settled(String id, Caller caller) {
        invoices.paid(id, caller);
    }

    static OpenItem item(Invoice i) {
        return new OpenItem(InvoicingTypes.INVOICE.name(), i.getId(), i.getNumber(), i.getAccountId(), i.getOwnerId(), i.getCurrency(),
                scaled(i.getGrandTotal(), i.getCurrency()), scaled(i.getPaidAmount(), i.getCurrency()), i.getDueDate(), i.getStatus());
    }

    private static BigDecimal scaled(BigDecimal v, String currency) {
        return (v == null ? BigDecimal.ZERO : v).setScale(Amounts.scale(currency), RoundingMode.HALF_UP);
    }
}

package org.atriumcrm.payments.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.DocumentNumbers;
import org.atriumcrm.commerce.api.OpenItems;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Payments and refunds. Recording one settles its document in the same transaction through the document module's
 * {@link OpenItems} (a conditional UPDATE there: never more than is open, never a refund of more than was paid), so
 * a document's settled amount is always the sum of its payments, under any concurrency. A recorded payment keeps its
 * amounts: a mistake is undone by a refund.
 */
@Component(service = {RecordStore.class, PaymentStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Payment")
public class PaymentStore extends JpaRecordStore<Payment> {
    static final String INVOICE = "Invoice";
    static final String PURCHASE_ORDER = "PurchaseOrder";
    private final Map<String, OpenItems> documents = new ConcurrentHashMap<>();
    private final DocumentNumbers numbers;
    private final EventAdmin events;

    @Activate
    public PaymentStore(@Reference(target = "(osgi.unit.name=" + PaymentTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference DocumentNumbers numbers,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PaymentTypes.MODULE + ")") ModuleGate gate) {
        super(PaymentTypes.PAYMENT_TYPE, jpa, events, PaymentTypes.ALL);
        this.numbers = numbers;
        this.events = events;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindOpenItems(OpenItems items, Map<String, Object> props) {
        documents.put(String.valueOf(props.get(OpenItems.ENTITY_PROPERTY)), items);
    }

    void unbindOpenItems(OpenItems items, Map<String, Object> props) {
        documents.remove(String.valueOf(props.get(OpenItems.ENTITY_PROPERTY)), items);
    }

    /** The open items of {@code entity} ({@code Invoice}, {@code PurchaseOrder}) while its module runs. */
    OpenItems documents(String entity) {
        return documents.get(entity);
    }

    @Override
    protected void beforeCreate(EntityManager em, Payment p, Caller caller) {
        boolean invoice = p.getInvoiceId() != null;
        if (invoice == (p.getPurchaseOrderId() != null)) {
            throw AtriumException.validation(List.of(FieldError.of("invoiceId", "payment-document", "name exactly one of invoiceId (money received)"
                    + " and purchaseOrderId (money paid to a vendor)")));
        }
        String entity = invoice ? INVOICE : PURCHASE_ORDER;
        String documentId = invoice ? p.getInvoiceId() : p.getPurchaseOrderId();
        String field = invoice ? "invoiceId" : "purchaseOrderId";
        OpenItems items = documents.get(entity);
        if (items == null) {
            throw AtriumException.conflict("module-disabled", "payments against " + entity + " records need the "
                    + (invoice ? "invoicing" : "purchasing") + " module, which is disabled")
                    .localized("payment-module-disabled", entity, invoice ? "invoicing" : "purchasing");
        }
        OpenItems.OpenItem doc;
        try {
            doc = items.find(documentId, caller);
        } catch (AtriumException e) {
            if (e.status() == 404) {
                throw AtriumException.invalid(field, "reference-not-found", "no " + entity + " with id " + documentId + " that you can see",
                        entity, documentId);
            }
            throw e;
        }
        if (p.getKind() == null) {
            p.setKind(PaymentTypes.PAYMENT);
        }
        if (p.getCurrency() == null) {
            p.setCurrency(doc.currency());
        } else if (!p.getCurrency().equals(doc.currency())) {
            throw AtriumException.invalid("currency", "payment-currency", entity + " " + doc.number() + " is in " + doc.currency()
                    + ", not " + p.getCurrency(), entity, doc.number(), doc.currency(), p.getCurrency());
        }
        BigDecimal amount = p.getAmount();
        if (amount.signum() <= 0) {
            throw AtriumException.invalid("amount", "payment-positive", "must be more than 0; money given back is a payment of kind refund");
        }
        int scale = Amounts.scale(doc.currency());
        if (amount.stripTrailingZeros().scale() > scale) {
            throw AtriumException.invalid("amount", "currency-decimals", "has more than " + scale + " decimals, the precision of " + doc.currency(),
                    scale, doc.currency());
        }
        p.setAmount(amount.setScale(scale));
        LocalDate today = LocalDate.now();
        if (p.getPaidOn() == null) {
            p.setPaidOn(today);
        } else if (p.getPaidOn().isAfter(today)) {
            throw AtriumException.invalid("paidOn", "paid-in-future", "is in the future; record a payment when it was made");
        }
        p.setDocumentNumber(doc.number());
        if (OpenItems.RECEIVABLE.equals(items.direction())) {
            p.setAccountId(doc.partyId());
        } else {
            p.setVendorId(doc.partyId());
        }
        p.setNumber(numbers.next(PaymentTypes.REFUND.equals(p.getKind()) ? "RF" : "PAY"));
        items.settle(em, documentId, PaymentTypes.REFUND.equals(p.getKind()) ? p.getAmount().negate() : p.getAmount(), caller);
    }

    @Override
    protected void beforeUpdate(EntityManager em, Payment p, Set<String> changed, Caller caller) {
        if (!PaymentTypes.EDITABLE.containsAll(changed)) {
            throw AtriumException.conflict("payment-recorded", "payment " + p.getNumber() + " is recorded: only "
                    + PaymentTypes.EDITABLE + " may change; a wrong amount is corrected by a refund")
                    .localized("payment-recorded", p.getNumber(), List.copyOf(PaymentTypes.EDITABLE));
        }
    }

    @Override
    public Payment create(Map<String, Object> values, Caller caller) {
        Payment p = super.create(values, caller);
        recorded(p, caller);
        return p;
    }

    @Override
    public List<Payment> writeBatch(List<BatchWrite> rows, Caller caller) {
        if (rows.stream().anyMatch(BatchWrite::delete)) {
            throw deleteRefused();
        }
        List<Payment> written = super.writeBatch(rows, caller);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).isCreate()) {
                recorded(written.get(i), caller);
            }
        }
        return written;
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        throw deleteRefused();
    }

    private static AtriumException deleteRefused() {
        return AtriumException.conflict("payment-recorded", "a recorded payment is not deleted: record a refund of it instead")
                .localized("payment-recorded-not-deleted");
    }

    private void recorded(Payment p, Caller caller) {
        boolean invoice = p.getInvoiceId() != null;
        String documentId = invoice ? p.getInvoiceId() : p.getPurchaseOrderId();
        Map<String, Object> props = new HashMap<>();
        props.put(DomainEvents.ENTITY, PaymentTypes.PAYMENT_TYPE.name());
        props.put(DomainEvents.ID, p.getId());
        props.put(DomainEvents.USER_ID, caller.userId());
        props.put(CommerceEvents.NUMBER, p.getNumber());
        props.put(CommerceEvents.AMOUNT, (PaymentTypes.REFUND.equals(p.getKind()) ? p.getAmount().negate() : p.getAmount()).toPlainString());
        props.put(CommerceEvents.CURRENCY, p.getCurrency());
        props.put(CommerceEvents.SOURCE_ENTITY, invoice ? INVOICE : PURCHASE_ORDER);
        props.put(CommerceEvents.SOURCE_ID, documentId);
        if (p.getAccountId() != null) {
            props.put(CommerceEvents.ACCOUNT_ID, p.getAccountId());
        }
        events.postEvent(new Event(CommerceEvents.PAYMENT_RECORDED, props));
        OpenItems items = documents.get(invoice ? INVOICE : PURCHASE_ORDER);
        if (items != null) {
            items.settled(documentId, caller);
        }
    }

    /**
     * Claims the reminder of {@code documentId} at {@code stage}: true for the one round whose insert succeeds; a
     * second round (a restart, another node) fails on the unique key and sends nothing.
     */
    boolean claimReminder(String entity, String documentId, String stage, LocalDate dueDate) {
        try {
            tx(em -> {
                em.persist(new PaymentReminder(org.atriumcrm.persistence.api.RecordIds.next(), entity, documentId, stage, dueDate, now()));
                em.flush();
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            // the unique key refused it (claimed already) or the database failed: either way not sent now, and a
            // failed round leaves no row, so the next round tries again
            return false;
        }
    }
}

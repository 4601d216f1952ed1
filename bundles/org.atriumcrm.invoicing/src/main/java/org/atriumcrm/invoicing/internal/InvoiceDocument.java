package org.atriumcrm.invoicing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.commerce.api.DocumentModel;
import org.atriumcrm.commerce.api.DocumentSource;
import org.atriumcrm.invoicing.api.Invoice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** An invoice as printed (发票): its lines and totals by {@link Amounts}, issue and due dates, the order it bills. */
@Component(service = DocumentSource.class, property = DocumentSource.ENTITY_PROPERTY + "=Invoice")
public class InvoiceDocument implements DocumentSource {
    private final InvoiceStore invoices;
    private final AccessPolicy access;

    @Activate
    public InvoiceDocument(@Reference InvoiceStore invoices, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InvoicingTypes.MODULE + ")") ModuleGate gate) {
        this.invoices = invoices;
        this.access = access;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.INVOICE;
    }

    @Override
    public String entity() {
        return InvoicingTypes.INVOICE.name();
    }

    @Override
    public Printable document(String id, String locale, Caller caller) {
        Invoice inv = access.secure(invoices, caller).find(id).orElseThrow(() -> AtriumException.notFound("no Invoice with id " + id).localized("record-not-found", "Invoice", id));
        List<InvoiceLine> lines = invoices.inTransaction(em -> InvoiceStore.lines(em, id));
        String currency = inv.getCurrency();
        Amounts.Totals totals = Amounts.totals(lines.stream().map(l -> new Amounts.Line(l.getQuantity(), l.getUnitPrice(),
                l.getDiscountPercent(), l.getDiscountAmount(), l.getTaxRate())).toList(), inv.getShipping(), inv.getShippingTaxRate(), null, currency);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine l = lines.get(i);
            rows.add(DocumentModel.line(l.getProductName(), l.getSku(), l.getQuantity(), l.getUnit(), l.getUnitPrice(),
                    l.getDiscountPercent(), l.getDiscountAmount(), l.getTaxRate(), totals.lines().get(i).net(), currency));
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(DocumentModel.NUMBER, inv.getNumber());
        header.put(DocumentModel.DATE, inv.getIssueDate() == null ? null : inv.getIssueDate().toString());
        header.put("dueDate", inv.getDueDate() == null ? null : inv.getDueDate().toString());
        header.put("salesOrder", inv.getSalesOrderNumber());
        header.put("billingAddress", inv.getBillingAddress());
        header.values().removeIf(Objects::isNull);
        return new Printable(new DocumentModel(header, Map.of(), Map.of(), rows, DocumentModel.totals(totals, currency),
                DocumentModel.taxes(totals), inv.getDescription()), inv.getAccountId(), inv.getContactId());
    }
}

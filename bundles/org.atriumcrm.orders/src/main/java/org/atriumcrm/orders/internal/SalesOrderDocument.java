package org.atriumcrm.orders.internal;

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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A sales order as printed (销售订单): its lines and totals by {@link Amounts}, the order date, addresses and terms. */
@Component(service = DocumentSource.class, property = DocumentSource.ENTITY_PROPERTY + "=SalesOrder")
public class SalesOrderDocument implements DocumentSource {
    private final SalesOrderStore orders;
    private final AccessPolicy access;

    @Activate
    public SalesOrderDocument(@Reference SalesOrderStore orders, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OrderTypes.MODULE + ")") ModuleGate gate) {
        this.orders = orders;
        this.access = access;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.SALES_ORDER;
    }

    @Override
    public String entity() {
        return "SalesOrder";
    }

    @Override
    public Printable document(String id, String locale, Caller caller) {
        SalesOrder o = access.secure(orders, caller).find(id).orElseThrow(() -> AtriumException.notFound("no SalesOrder with id " + id).localized("record-not-found", "SalesOrder", id));
        List<SalesOrderLine> lines = orders.inTransaction(em -> SalesOrderStore.lines(em, id));
        String currency = o.getCurrency();
        Amounts.Totals totals = Amounts.totals(lines.stream().map(OrderAmounts::input).toList(), o.getShipping(), o.getShippingTaxRate(),
                o.getAdjustment(), currency);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SalesOrderLine l = lines.get(i);
            rows.add(DocumentModel.line(l.getProductName(), l.getDescription(), l.getQuantity(), l.getUnit(), l.getUnitPrice(),
                    l.getDiscountPercent(), l.getDiscountAmount(), l.getTaxRate(), totals.lines().get(i).net(), currency));
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(DocumentModel.NUMBER, o.getNumber());
        header.put(DocumentModel.DATE, o.getOrderDate() != null ? o.getOrderDate().toString()
                : o.getCreatedAt() == null ? null : o.getCreatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        header.put("subject", o.getSubject());
        header.put("shippingAddress", o.getShippingAddress());
        header.put("paymentTermDays", o.getPaymentTermDays());
        header.values().removeIf(Objects::isNull);
        return new Printable(new DocumentModel(header, Map.of(), Map.of(), rows, DocumentModel.totals(totals, currency),
                DocumentModel.taxes(totals), o.getTerms()), o.getAccountId(), o.getContactId());
    }
}

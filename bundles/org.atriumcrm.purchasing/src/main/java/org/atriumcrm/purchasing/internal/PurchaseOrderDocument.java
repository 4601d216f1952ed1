package org.atriumcrm.purchasing.internal;

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
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.commerce.api.DocumentModel;
import org.atriumcrm.commerce.api.DocumentSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A purchase order as a printed 采购订单: the other party is the vendor (filled here, it is not an account), the lines
 * with the catalog's product names and units (the product id when the catalog is switched off), totals by
 * {@link Amounts} as the order computed them.
 */
@Component(service = DocumentSource.class, property = DocumentSource.ENTITY_PROPERTY + "=PurchaseOrder")
public class PurchaseOrderDocument implements DocumentSource {
    private final PurchaseOrderStore orders;
    private final AccessPolicy access;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Catalog catalog;

    @Activate
    public PurchaseOrderDocument(@Reference PurchaseOrderStore orders, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PurchasingTypes.MODULE + ")") ModuleGate gate) {
        this.orders = orders;
        this.access = access;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.PURCHASE_ORDER;
    }

    @Override
    public String entity() {
        return PurchasingTypes.ORDER.name();
    }

    @Override
    public Printable document(String id, String locale, Caller caller) {
        PurchaseOrder po = access.secure(orders, caller).find(id).orElseThrow(() -> AtriumException.notFound("no PurchaseOrder with id " + id).localized("record-not-found", "PurchaseOrder", id));
        String currency = po.getCurrency();
        record Read(List<PurchaseOrderLine> lines, Vendor vendor) {
        }
        Read read = orders.inTransaction(em -> new Read(PurchaseOrderStore.lines(em, id),
                po.getVendorId() == null ? null : em.find(Vendor.class, po.getVendorId())));
        List<Amounts.Line> amounts = new ArrayList<>();
        for (PurchaseOrderLine l : read.lines()) {
            amounts.add(new Amounts.Line(l.getQuantity(), l.getUnitCost(), null, null, l.getTaxRate()));
        }
        Amounts.Totals totals = Amounts.totals(amounts, null, null, null, currency);
        Catalog products = catalog;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < read.lines().size(); i++) {
            PurchaseOrderLine l = read.lines().get(i);
            Catalog.Item item = products == null || l.getProductId() == null ? null : products.item(l.getProductId()).orElse(null);
            rows.add(DocumentModel.line(item == null ? l.getProductId() : item.name(), item == null ? null : item.sku(), l.getQuantity(),
                    item == null ? null : item.unit(), l.getUnitCost(), null, null, l.getTaxRate(), totals.lines().get(i).net(), currency));
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(DocumentModel.NUMBER, po.getNumber());
        header.put(DocumentModel.DATE, po.getOrderDate() != null ? po.getOrderDate().toString()
                : po.getCreatedAt() == null ? null : po.getCreatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        header.put("expectedDate", po.getExpectedDate() == null ? null : po.getExpectedDate().toString());
        header.values().removeIf(Objects::isNull);
        Vendor v = read.vendor();
        Map<String, Object> vendor = v == null ? Map.of() : DocumentModel.party(v.getName(), v.getAddress(), null, v.getPhone(), v.getEmail(), null);
        return new Printable(new DocumentModel(header, Map.of(), vendor, rows, DocumentModel.totals(totals, currency),
                DocumentModel.taxes(totals), po.getNotes()), v == null ? null : v.getAccountId(), v == null ? null : v.getContactId());
    }
}

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
import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.commerce.api.DocumentModel;
import org.atriumcrm.commerce.api.DocumentSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A delivery note as printed — the packing list (发货单 / 装箱单): what goes out and how many, gift items named with
 * their line, the carrier and tracking number; no prices, as a packing list goes with the goods.
 */
@Component(service = DocumentSource.class, property = DocumentSource.ENTITY_PROPERTY + "=DeliveryNote")
public class DeliveryNoteDocument implements DocumentSource {
    private final DeliveryNoteStore notes;
    private final AccessPolicy access;

    @Activate
    public DeliveryNoteDocument(@Reference DeliveryNoteStore notes, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InvoicingTypes.MODULE + ")") ModuleGate gate) {
        this.notes = notes;
        this.access = access;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.DELIVERY_NOTE;
    }

    @Override
    public String entity() {
        return "DeliveryNote";
    }

    @Override
    public Printable document(String id, String locale, Caller caller) {
        DeliveryNote n = access.secure(notes, caller).find(id).orElseThrow(() -> AtriumException.notFound("no DeliveryNote with id " + id).localized("record-not-found", "DeliveryNote", id));
        List<DeliveryNoteLine> lines = notes.inTransaction(em -> DeliveryNoteStore.lines(em, id));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DeliveryNoteLine l : lines) {
            String gifts = l.getGiftItems() == null || l.getGiftItems().isBlank() ? null : l.getGiftItems();
            rows.add(DocumentModel.line(l.getProductName(), gifts == null ? l.getSku() : l.getSku() + " + " + gifts, l.getQuantity(),
                    l.getUnit(), null, null, null, null, null, null));
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(DocumentModel.NUMBER, n.getNumber());
        header.put(DocumentModel.DATE, n.getDeliveryDate() != null ? n.getDeliveryDate().toString()
                : n.getCreatedAt() == null ? null : n.getCreatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        header.put("salesOrder", n.getSalesOrderNumber());
        header.put("shippingAddress", n.getShippingAddress());
        header.put("carrier", n.getCarrier());
        header.put("trackingNumber", n.getTrackingNumber());
        header.values().removeIf(Objects::isNull);
        return new Printable(new DocumentModel(header, Map.of(), Map.of(), rows, Map.of(), List.of(), n.getDescription()),
                n.getAccountId(), null);
    }
}

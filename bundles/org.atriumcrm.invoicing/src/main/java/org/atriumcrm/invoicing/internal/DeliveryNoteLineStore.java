package org.atriumcrm.invoicing.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.orders.api.Fulfilment;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Lines of draft delivery notes: a line of the note's sales order and a quantity of at most what remains to deliver
 * (checked again, under the order's lock, when the note is issued). The product, its name and its bundled and gift
 * items come from the order line and the catalog.
 */
@Component(service = {RecordStore.class, DeliveryNoteLineStore.class}, property = RecordStore.ENTITY_PROPERTY + "=DeliveryNoteLine")
public class DeliveryNoteLineStore extends JpaRecordStore<DeliveryNoteLine> {
    private final Fulfilment fulfilment;
    private final Catalog catalog;
    private final DeliveryNoteStore notes;

    @Activate
    public DeliveryNoteLineStore(@Reference(target = "(osgi.unit.name=" + InvoicingTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference Fulfilment fulfilment, @Reference Catalog catalog, @Reference DeliveryNoteStore notes,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InvoicingTypes.MODULE + ")") ModuleGate gate) {
        super(InvoicingTypes.NOTE_LINE, jpa, events, InvoicingTypes.ALL);
        this.fulfilment = fulfilment;
        this.catalog = catalog;
        this.notes = notes;
    }

    /** The order line's product on the note line, with the bundled and gift items that go out with it in words. */
    static void describe(DeliveryNoteLine l, Fulfilment.OrderLine ol, Catalog catalog) {
        l.setSalesOrderLineId(ol.id());
        l.setProductId(ol.productId());
        l.setProductName(ol.productName());
        l.setSku(ol.sku());
        l.setUnit(ol.unit());
        Catalog.Item item = catalog.item(ol.productId()).orElse(null);
        if (item != null && !item.components().isEmpty()) {
            l.setGiftItems(item.components().stream().map(c -> catalog.item(c.productId()).map(Catalog.Item::sku).orElse(c.productId())
                    + " × " + c.quantity().stripTrailingZeros().toPlainString() + (c.gift() ? " (gift)" : "")).collect(Collectors.joining(", ")));
        }
    }

    @Override
    public DeliveryNoteLine create(Map<String, Object> values, Caller caller) {
        DeliveryNoteLine line = super.create(values, caller);
        notes.linesChanged(line.getDeliveryNoteId(), caller);
        return line;
    }

    @Override
    protected void beforeCreate(EntityManager em, DeliveryNoteLine line, Caller caller) {
        DeliveryNote note = draftNote(em, line.getDeliveryNoteId());
        line.setOwnerId(note.getOwnerId());
        check(em, line, note);
        List<DeliveryNoteLine> lines = DeliveryNoteStore.lines(em, note.getId());
        line.setPosition(lines.stream().map(DeliveryNoteLine::getPosition).filter(p -> p != null).max(Long::compare).orElse(0L) + 1);
        note.setLineCount((long) lines.size() + 1);
    }

    @Override
    protected void beforeUpdate(EntityManager em, DeliveryNoteLine line, Set<String> changed, Caller caller) {
        if (changed.contains("deliveryNoteId")) {
            throw AtriumException.invalid("deliveryNoteId", "line-stays-with-document", "a line stays with its delivery note");
        }
        check(em, line, draftNote(em, line.getDeliveryNoteId()));
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        find(id).ifPresent(l -> tx(em -> draftNote(em, l.getDeliveryNoteId())));
        super.delete(id, expectedVersion, caller);
    }

    private void check(EntityManager em, DeliveryNoteLine line, DeliveryNote note) {
        Fulfilment.Order order = DeliveryNoteStore.deliverable(fulfilment, note.getSalesOrderId());
        Fulfilment.OrderLine ol = order.lines().stream().filter(l -> l.id().equals(line.getSalesOrderLineId())).findFirst()
                .orElseThrow(() -> AtriumException.invalid("salesOrderLineId", "not-a-line-of", "no line " + line.getSalesOrderLineId()
                        + " on sales order " + order.number(), line.getSalesOrderLineId(), order.number()));
        if (line.getQuantity() == null || line.getQuantity().signum() <= 0) {
            throw AtriumException.invalidField("quantity", "must be greater than 0");
        }
        if (line.getQuantity().compareTo(ol.toDeliver()) > 0) {
            throw new AtriumException(400, "delivery-exceeds-remaining", "Bad request", "quantity: ordered "
                    + DeliveryNoteStore.plain(ol.quantity()) + ", delivered " + DeliveryNoteStore.plain(ol.delivered()) + ", asked "
                    + DeliveryNoteStore.plain(line.getQuantity()) + " — only " + DeliveryNoteStore.plain(ol.toDeliver()) + " remain",
                    List.of(org.atriumcrm.api.error.FieldError.of("quantity", "remain-to-deliver", "only " + DeliveryNoteStore.plain(ol.toDeliver())
                            + " remain to deliver", DeliveryNoteStore.plain(ol.toDeliver()))))
                    .localized("delivery-exceeds-remaining", DeliveryNoteStore.plain(ol.quantity()), DeliveryNoteStore.plain(ol.delivered()),
                            DeliveryNoteStore.plain(line.getQuantity()), DeliveryNoteStore.plain(ol.toDeliver()));
        }
        describe(line, ol, catalog);
    }

    private static DeliveryNote draftNote(EntityManager em, String noteId) {
        DeliveryNote note = noteId == null ? null : em.find(DeliveryNote.class, noteId, LockModeType.PESSIMISTIC_WRITE);
        if (note == null || note.isDeleted()) {
            throw AtriumException.invalid("deliveryNoteId", "reference-not-found", "no DeliveryNote with id " + noteId, "DeliveryNote", noteId);
        }
        if (!InvoicingTypes.DRAFT.equals(note.getStatus())) {
            throw AtriumException.conflict("delivery-note-issued", "delivery note " + note.getNumber() + " is " + note.getStatus()
                    + ": its lines no longer change").with("currentStatus", note.getStatus())
                    .localized("delivery-note-lines-fixed", note.getNumber(), note.getStatus());
        }
        return note;
    }
}

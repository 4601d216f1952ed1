package org.atriumcrm.invoicing.internal;

import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Invoice lines are what the invoice was made of: read only (a different invoice is cancelled and made again). */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=InvoiceLine")
public class InvoiceLineStore extends JpaRecordStore<InvoiceLine> {

    @Activate
    public InvoiceLineStore(@Reference(target = "(osgi.unit.name=" + InvoicingTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InvoicingTypes.MODULE + ")") ModuleGate gate) {
        super(InvoicingTypes.INVOICE_LINE, jpa, events, InvoicingTypes.ALL);
    }

    private static AtriumException fixed() {
        return AtriumException.conflict("invoice-lines-fixed", "an invoice's lines come from its sales order when it is made;"
                + " cancel the invoice and make another one (POST /api/v1/sales-orders/{id}/invoice)").localized("invoice-lines-fixed");
    }

    @Override
    public InvoiceLine create(Map<String, Object> values, Caller caller) {
        throw fixed();
    }

    @Override
    public InvoiceLine update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        throw fixed();
    }

    @Override
    public List<InvoiceLine> writeBatch(List<BatchWrite> rows, Caller caller) {
        throw fixed();
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        throw fixed();
    }

    @Override
    public InvoiceLine restore(String id, Caller caller) {
        throw fixed();
    }
}

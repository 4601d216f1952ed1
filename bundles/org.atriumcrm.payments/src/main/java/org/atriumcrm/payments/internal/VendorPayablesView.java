package org.atriumcrm.payments.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.rest.api.RecordView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = RecordView.class, property = {RecordView.ENTITY_PROPERTY + "=Vendor", RecordView.VIEW_PROPERTY + "=payables",
    RecordView.SUMMARY_PROPERTY + "=The vendor's open purchase orders (应付款): amount, settled, open, due date, days overdue; totals per currency"})
public class VendorPayablesView extends PartyBalanceView {

    @Activate
    public VendorPayablesView(@Reference PaymentStore payments,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PaymentTypes.MODULE + ")") ModuleGate gate) {
        super(payments, PaymentStore.PURCHASE_ORDER);
    }
}

package org.atriumcrm.payments.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.rest.api.RecordView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = RecordView.class, property = {RecordView.ENTITY_PROPERTY + "=Account", RecordView.VIEW_PROPERTY + "=receivables",
    RecordView.SUMMARY_PROPERTY + "=The account's open invoices (应收款): amount, settled, open, due date, days overdue; totals per currency"})
public class AccountReceivablesView extends PartyBalanceView {

    @Activate
    public AccountReceivablesView(@Reference PaymentStore payments,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PaymentTypes.MODULE + ")") ModuleGate gate) {
        super(payments, PaymentStore.INVOICE);
    }
}

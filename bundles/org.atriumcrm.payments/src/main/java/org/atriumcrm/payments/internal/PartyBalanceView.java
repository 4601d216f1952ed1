package org.atriumcrm.payments.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.OpenItems;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordView;

/**
 * What one account owes (its open invoices) or what is owed to one vendor (its open purchase orders). The caller
 * sees the party's record (the REST layer checked that); each document is listed only when they may see it too.
 */
abstract class PartyBalanceView implements RecordView {
    private final PaymentStore payments;
    private final String entity;

    PartyBalanceView(PaymentStore payments, String entity) {
        this.payments = payments;
        this.entity = entity;
    }

    @Override
    public OperationSchema recordViewSchema() {
        return OpenBalances.schema();
    }

    @Override
    public Object view(RecordStore<?> records, Record record, Map<String, List<String>> parameters, Caller caller) {
        OpenItems items = payments.documents(entity);
        List<OpenItems.OpenItem> open = items == null ? List.of()
                : items.open(Set.of(record.getId()), null).stream().filter(i -> Visible.to(items, i, caller)).toList();
        return OpenBalances.answer(open, LocalDate.now());
    }
}

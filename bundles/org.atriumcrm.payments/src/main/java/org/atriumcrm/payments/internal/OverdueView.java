package org.atriumcrm.payments.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.OpenItems;
import org.atriumcrm.rest.api.EntityView;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The overdue list (逾期应收 / 逾期应付): documents past their due date and not fully settled, oldest first. */
@Component(service = EntityView.class, property = {EntityView.ENTITY_PROPERTY + "=Payment", EntityView.VIEW_PROPERTY + "=overdue",
    EntityView.SUMMARY_PROPERTY + "=Overdue invoices (direction=receivable, the default) or purchase orders (payable) you may see, oldest due first; limit 1-500 (100)"})
public class OverdueView implements EntityView {
    static final int MAX = 500;
    private final PaymentStore payments;

    @Activate
    public OverdueView(@Reference PaymentStore payments,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PaymentTypes.MODULE + ")") ModuleGate gate) {
        this.payments = payments;
    }

    @Override
    public OperationSchema viewSchema() {
        return OperationSchema.json(null, OpenBalances.ANSWER_SCHEMA).withParameters("""
                [{"name": "direction", "in": "query", "description": "receivable (invoices, the default) or payable (purchase orders)",
                  "schema": {"type": "string", "enum": ["receivable", "payable"]}},
                 {"name": "limit", "in": "query", "description": "at most this many documents (1-500, default 100)",
                  "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 500}}]""");
    }

    @Override
    public Object view(RecordStore<?> records, Map<String, List<String>> params, Caller caller) {
        String direction = one(params, "direction", OpenItems.RECEIVABLE);
        if (!direction.equals(OpenItems.RECEIVABLE) && !direction.equals(OpenItems.PAYABLE)) {
            throw AtriumException.invalid("direction", "receivable-or-payable", "must be receivable or payable");
        }
        int limit;
        try {
            limit = Integer.parseInt(one(params, "limit", "100"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX) {
            throw AtriumException.invalid("limit", "whole-number-up-to", "must be a whole number from 1 to " + MAX, MAX);
        }
        OpenItems items = payments.documents(direction.equals(OpenItems.RECEIVABLE) ? PaymentStore.INVOICE : PaymentStore.PURCHASE_ORDER);
        LocalDate today = LocalDate.now();
        List<OpenItems.OpenItem> overdue = items == null ? List.of()
                : items.dueBetween(LocalDate.of(1900, 1, 1), today.minusDays(1), Math.min(limit * 20, 10_000)).stream()
                        .filter(i -> Visible.to(items, i, caller)).limit(limit).toList();
        return OpenBalances.answer(overdue, today);
    }

    private static String one(Map<String, List<String>> params, String name, String otherwise) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? otherwise : v.get(0);
    }
}

package org.atriumcrm.payments.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.atriumcrm.commerce.api.OpenItems;
import org.atriumcrm.rest.api.OperationSchema;

/** The answer of the open-balance views: the open documents and, per currency, what is open and what is overdue. */
final class OpenBalances {
    private static final String MONEY = "{\"type\": \"string\", \"pattern\": \"^-?[0-9]+(\\\\.[0-9]+)?$\", \"description\": \"an exact decimal\"}";
    static final String ITEM_SCHEMA = """
            {"type": "object", "additionalProperties": false,
             "required": ["entity", "id", "number", "partyId", "currency", "amount", "settled", "open", "status", "overdueDays"],
             "properties": {"entity": {"type": "string", "enum": ["Invoice", "PurchaseOrder"]}, "id": {"type": "string"},
               "number": {"type": "string"}, "partyId": {"type": "string", "description": "the account (receivable) or vendor (payable)"},
               "currency": {"type": "string"}, "amount": %1$s, "settled": %1$s, "open": %1$s,
               "dueDate": {"type": "string", "format": "date", "nullable": true}, "status": {"type": "string"},
               "overdueDays": {"type": "integer", "format": "int32", "description": "days past the due date; 0 when not overdue"}}}"""
            .formatted(MONEY);
    static final String ANSWER_SCHEMA = """
            {"type": "object", "additionalProperties": false, "required": ["asOf", "items", "totals"],
             "properties": {"asOf": {"type": "string", "format": "date"}, "items": {"type": "array", "items": %1$s},
               "totals": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                 "required": ["currency", "open", "overdue"],
                 "properties": {"currency": {"type": "string"}, "open": %2$s, "overdue": %2$s}}}}}"""
            .formatted(ITEM_SCHEMA, MONEY);

    private OpenBalances() {
    }

    static OperationSchema schema() {
        return OperationSchema.noParameters(ANSWER_SCHEMA);
    }

    static Map<String, Object> answer(List<OpenItems.OpenItem> items, LocalDate today) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        for (OpenItems.OpenItem i : items) {
            long late = i.overdueOn(today) ? ChronoUnit.DAYS.between(i.dueDate(), today) : 0;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("entity", i.entity());
            row.put("id", i.id());
            row.put("number", i.number());
            row.put("partyId", i.partyId());
            row.put("currency", i.currency());
            row.put("amount", i.amount().toPlainString());
            row.put("settled", i.settled().toPlainString());
            row.put("open", i.open().toPlainString());
            row.put("dueDate", i.dueDate() == null ? null : i.dueDate().toString());
            row.put("status", i.status());
            row.put("overdueDays", (int) late);
            rows.add(row);
            BigDecimal[] t = totals.computeIfAbsent(i.currency(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            t[0] = t[0].add(i.open());
            if (late > 0) {
                t[1] = t[1].add(i.open());
            }
        }
        List<Map<String, Object>> sums = new ArrayList<>();
        totals.forEach((currency, t) -> {
            Map<String, Object> sum = new LinkedHashMap<>();
            sum.put("currency", currency);
            sum.put("open", t[0].toPlainString());
            sum.put("overdue", t[1].toPlainString());
            sums.add(sum);
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("asOf", today.toString());
        answer.put("items", rows);
        answer.put("totals", sums);
        return answer;
    }
}

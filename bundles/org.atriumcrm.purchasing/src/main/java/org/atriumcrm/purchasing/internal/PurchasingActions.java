package org.atriumcrm.purchasing.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/** The status steps of purchase orders and goods receipts. */
final class PurchasingActions {
    private static final String GATE = "(" + ModuleGate.MODULE_PROPERTY + "=" + PurchasingTypes.MODULE + ")";

    private PurchasingActions() {
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=PurchaseOrder", RecordAction.ACTION_PROPERTY + "=submit", RecordAction.WHEN_PROPERTY + "=status=draft",
        RecordAction.SUMMARY_PROPERTY + "=Draft to in approval when an approval rule applies, else to approved (409 from any other status or without lines)"})
    public static class Submit extends DocumentAction<PurchaseOrder> {
        private final PurchaseOrderStore orders;

        @Activate
        public Submit(@Reference PurchaseOrderStore orders, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(PurchasingTypes.ORDER, access, Map.of());
            this.orders = orders;
        }

        @Override
        PurchaseOrder act(String id, JsonNode body, Caller caller) {
            return orders.submit(id, caller);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=PurchaseOrder", RecordAction.ACTION_PROPERTY + "=approve", RecordAction.WHEN_PROPERTY + "=status=in_approval",
        RecordAction.SUMMARY_PROPERTY + "=In approval to approved, by the approver or someone above them (403 otherwise); optional comment"})
    public static class Approve extends DocumentAction<PurchaseOrder> {
        private final PurchaseOrderStore orders;

        @Activate
        public Approve(@Reference PurchaseOrderStore orders, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(PurchasingTypes.ORDER, access, Map.of("comment", "the approver's comment"));
            this.orders = orders;
        }

        @Override
        PurchaseOrder act(String id, JsonNode body, Caller caller) {
            return orders.approve(id, text(body, "comment"), caller);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=PurchaseOrder", RecordAction.ACTION_PROPERTY + "=reject", RecordAction.WHEN_PROPERTY + "=status=in_approval",
        RecordAction.SUMMARY_PROPERTY + "=In approval back to draft, by the approver, with a comment saying why"})
    public static class Reject extends DocumentAction<PurchaseOrder> {
        private final PurchaseOrderStore orders;

        @Activate
        public Reject(@Reference PurchaseOrderStore orders, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(PurchasingTypes.ORDER, access, Map.of("comment", "why the order is rejected (required)"));
            this.orders = orders;
        }

        @Override
        PurchaseOrder act(String id, JsonNode body, Caller caller) {
            return orders.reject(id, text(body, "comment"), caller);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=PurchaseOrder", RecordAction.ACTION_PROPERTY + "=order", RecordAction.WHEN_PROPERTY + "=status=approved",
        RecordAction.SUMMARY_PROPERTY + "=Approved to ordered (sent to the vendor); optional orderDate, today by default"})
    public static class Order extends DocumentAction<PurchaseOrder> {
        private final PurchaseOrderStore orders;

        @Activate
        public Order(@Reference PurchaseOrderStore orders, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(PurchasingTypes.ORDER, access, Map.of("orderDate", "the order date as 2026-12-07"));
            this.orders = orders;
        }

        @Override
        PurchaseOrder act(String id, JsonNode body, Caller caller) {
            String date = text(body, "orderDate");
            try {
                return orders.order(id, date == null ? null : LocalDate.parse(date), caller);
            } catch (DateTimeParseException e) {
                throw AtriumException.invalidField("orderDate", "must be a date like 2026-12-07");
            }
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=PurchaseOrder", RecordAction.ACTION_PROPERTY + "=cancel", RecordAction.WHEN_PROPERTY + "=status=draft,in_approval,approved,ordered",
        RecordAction.SUMMARY_PROPERTY + "=Cancelled, before anything was received (409 after); optional reason"})
    public static class Cancel extends DocumentAction<PurchaseOrder> {
        private final PurchaseOrderStore orders;

        @Activate
        public Cancel(@Reference PurchaseOrderStore orders, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(PurchasingTypes.ORDER, access, Map.of("reason", "why the order is cancelled"));
            this.orders = orders;
        }

        @Override
        PurchaseOrder act(String id, JsonNode body, Caller caller) {
            return orders.cancel(id, text(body, "reason"), caller);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=GoodsReceipt", RecordAction.ACTION_PROPERTY + "=post", RecordAction.WHEN_PROPERTY + "=status=draft",
        RecordAction.SUMMARY_PROPERTY + "=Draft to posted: RECEIPT stock movements, the order lines' received quantities and the order's status in one transaction (400 over what remains, 409 when posted already)"})
    public static class PostReceipt extends DocumentAction<GoodsReceipt> {
        private final GoodsReceiptStore receipts;

        @Activate
        public PostReceipt(@Reference GoodsReceiptStore receipts, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(PurchasingTypes.RECEIPT, access, Map.of());
            this.receipts = receipts;
        }

        @Override
        GoodsReceipt act(String id, JsonNode body, Caller caller) {
            return receipts.post(id, caller);
        }
    }
}

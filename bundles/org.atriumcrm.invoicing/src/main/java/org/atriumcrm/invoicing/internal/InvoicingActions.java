package org.atriumcrm.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.commerce.api.actions.DocumentAction;
import org.atriumcrm.invoicing.api.Invoice;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The actions of delivery notes and invoices, and the ones the invoicing module adds to sales orders. */
final class InvoicingActions {
    private static final String GATE = "(" + ModuleGate.MODULE_PROPERTY + "=" + InvoicingTypes.MODULE + ")";

    private InvoicingActions() {
    }

    /** The members of an action's body, checked: unknown members, wrong types and bad dates are 400s naming the member. */
    static final class Body {
        final JsonNode node;
        final List<FieldError> errors = new ArrayList<>();

        Body(JsonNode body, Set<String> members) {
            node = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
            if (!node.isObject()) {
                throw AtriumException.badRequest("the body must be a JSON object").localized("body-not-object");
            }
            node.fieldNames().forEachRemaining(n -> {
                if (!members.contains(n)) {
                    errors.add(FieldError.of(n, "not-a-member", "is not a member here; use " + members, List.copyOf(members)));
                }
            });
        }

        String text(String name, int max) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual() || v.textValue().length() > max) {
                errors.add(FieldError.of(name, "text-up-to", "must be a string of at most " + max + " characters", max));
                return null;
            }
            return v.textValue().strip();
        }

        LocalDate date(String name) {
            String s = text(name, 10);
            try {
                return s == null ? null : LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(name, "must be a date like 2026-12-31"));
                return null;
            }
        }

        boolean flag(String name) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull() && !v.isBoolean()) {
                errors.add(new FieldError(name, "must be true or false"));
            }
            return v != null && v.asBoolean(false);
        }

        Long days(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 3650) {
                errors.add(FieldError.of(name, "between", "must be a whole number of days from 0 to 3650", 0, 3650));
                return null;
            }
            return v.asLong();
        }

        List<String> ids(String name) {
            List<String> ids = new ArrayList<>();
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return ids;
            }
            if (!v.isArray()) {
                errors.add(FieldError.of(name, "id-array", "must be an array of ids"));
                return ids;
            }
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    errors.add(FieldError.of(name + "[" + i + "]", "record-id-type", "must be an id"));
                } else {
                    ids.add(v.get(i).textValue());
                }
            }
            return ids;
        }

        void done() {
            if (!errors.isEmpty()) {
                throw AtriumException.validation(errors);
            }
        }

        void put(Map<String, Object> values, String name, Object value) {
            if (value != null) {
                values.put(name, value);
            }
        }
    }

    static OperationSchema schema(String request, String answer) {
        return OperationSchema.json(request, "{\"$ref\": \"#/components/schemas/" + answer + "\"}");
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=SalesOrder", RecordAction.ACTION_PROPERTY + "=deliver", RecordAction.WHEN_PROPERTY + "=status=confirmed,partly_delivered",
        RecordAction.SUMMARY_PROPERTY + "=A delivery note of a confirmed order: lines [{salesOrderLineId, quantity}] (all that remains when left out),"
            + " warehouseId, shippingAddress, carrier, trackingNumber, deliveryDate, description; issue: true issues it at once (stock out)"})
    public static class DeliverOrder implements RecordAction {
        private static final Set<String> MEMBERS = Set.of("lines", "warehouseId", "shippingAddress", "carrier", "trackingNumber",
            "deliveryDate", "description", "issue");
        private final DeliveryNoteStore notes;
        private final AccessPolicy access;

        @Activate
        public DeliverOrder(@Reference DeliveryNoteStore notes, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            this.notes = notes;
            this.access = access;
        }

        @Override
        public OperationSchema actionSchema() {
            return schema("""
                {"type": "object", "additionalProperties": false, "properties": {
                  "lines": {"type": "array", "items": {"type": "object", "additionalProperties": false, "required": ["salesOrderLineId", "quantity"],
                    "properties": {"salesOrderLineId": {"type": "string"}, "quantity": {"type": "number", "exclusiveMinimum": 0}}}},
                  "warehouseId": {"type": "string"}, "shippingAddress": {"type": "string", "maxLength": 1000},
                  "carrier": {"type": "string", "maxLength": 200}, "trackingNumber": {"type": "string", "maxLength": 100},
                  "deliveryDate": {"type": "string", "format": "date"}, "description": {"type": "string"}, "issue": {"type": "boolean"}}}""",
                    "DeliveryNote");
        }

        @Override
        public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
            if (records.find(id).isEmpty()) {
                throw AtriumException.notFound("no SalesOrder with id " + id).localized("record-not-found", "SalesOrder", id);
            }
            if (!access.access(caller, InvoicingTypes.NOTE).can(Right.CREATE)) {
                throw AtriumException.forbidden("your profiles do not allow you to create delivery notes")
                        .localized("right-missing", "create", "DeliveryNote");
            }
            Body b = new Body(body, MEMBERS);
            Map<String, Object> values = new HashMap<>();
            b.put(values, "warehouseId", b.text("warehouseId", 36));
            b.put(values, "shippingAddress", b.text("shippingAddress", 1000));
            b.put(values, "carrier", b.text("carrier", 200));
            b.put(values, "trackingNumber", b.text("trackingNumber", 100));
            b.put(values, "deliveryDate", b.date("deliveryDate"));
            b.put(values, "description", b.text("description", 32000));
            boolean issue = b.flag("issue");
            List<DeliveryNoteStore.Ask> asks = new ArrayList<>();
            JsonNode lines = b.node.get("lines");
            if (lines != null && !lines.isNull()) {
                if (!lines.isArray()) {
                    b.errors.add(new FieldError("lines", "must be an array of {salesOrderLineId, quantity}"));
                } else {
                    for (int i = 0; i < lines.size(); i++) {
                        JsonNode l = lines.get(i);
                        JsonNode line = l.get("salesOrderLineId");
                        JsonNode q = l.get("quantity");
                        if (!l.isObject() || line == null || !line.isTextual() || q == null || !q.isNumber() || l.size() != 2) {
                            b.errors.add(new FieldError("lines[" + i + "]", "must be {\"salesOrderLineId\": \"…\", \"quantity\": n}"));
                        } else {
                            asks.add(new DeliveryNoteStore.Ask(line.textValue(), q.decimalValue()));
                        }
                    }
                }
            }
            b.done();
            DeliveryNote note = notes.deliver(id, values, asks, issue, caller);
            return RecordBodies.toJson(access.secure(notes, caller).type(), note);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=SalesOrder", RecordAction.ACTION_PROPERTY + "=invoice", RecordAction.WHEN_PROPERTY + "=status=confirmed,partly_delivered,delivered",
        RecordAction.SUMMARY_PROPERTY + "=A draft invoice of what is not yet invoiced of the order, or of deliveryNoteIds (issued notes);"
            + " issueDate, paymentTermDays (the order's when left out), billingAddress; issue: true issues it at once"})
    public static class InvoiceOrder implements RecordAction {
        private static final Set<String> MEMBERS = Set.of("deliveryNoteIds", "issueDate", "paymentTermDays", "billingAddress", "description", "issue");
        private final InvoiceStore invoices;
        private final AccessPolicy access;

        @Activate
        public InvoiceOrder(@Reference InvoiceStore invoices, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            this.invoices = invoices;
            this.access = access;
        }

        @Override
        public OperationSchema actionSchema() {
            return schema("""
                {"type": "object", "additionalProperties": false, "properties": {
                  "deliveryNoteIds": {"type": "array", "items": {"type": "string"}}, "issueDate": {"type": "string", "format": "date"},
                  "paymentTermDays": {"type": "integer", "minimum": 0, "maximum": 3650}, "billingAddress": {"type": "string", "maxLength": 1000},
                  "description": {"type": "string"}, "issue": {"type": "boolean"}}}""", "Invoice");
        }

        @Override
        public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
            if (records.find(id).isEmpty()) {
                throw AtriumException.notFound("no SalesOrder with id " + id).localized("record-not-found", "SalesOrder", id);
            }
            if (!access.access(caller, InvoicingTypes.INVOICE).can(Right.CREATE)) {
                throw AtriumException.forbidden("your profiles do not allow you to create invoices").localized("right-missing", "create", "Invoice");
            }
            Body b = new Body(body, MEMBERS);
            Map<String, Object> values = new HashMap<>();
            List<String> notes = b.ids("deliveryNoteIds");
            b.put(values, "issueDate", b.date("issueDate"));
            b.put(values, "paymentTermDays", b.days("paymentTermDays"));
            b.put(values, "billingAddress", b.text("billingAddress", 1000));
            b.put(values, "description", b.text("description", 32000));
            boolean issue = b.flag("issue");
            b.done();
            Invoice inv = invoices.fromOrder(id, notes, values, caller);
            if (issue) {
                inv = invoices.issue(inv.getId(), caller);
            }
            return RecordBodies.toJson(access.secure(invoices, caller).type(), inv);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=DeliveryNote", RecordAction.ACTION_PROPERTY + "=issue", RecordAction.WHEN_PROPERTY + "=status=draft",
        RecordAction.SUMMARY_PROPERTY + "=Draft to issued (packed): DELIVERY stock movements of the products and their bundled and gift items and the"
            + " order's delivered quantities in one transaction (409 insufficient-stock with the shortfall, 400 delivery-exceeds-remaining)"})
    public static class IssueNote extends DocumentAction<DeliveryNote> {
        private final DeliveryNoteStore notes;

        @Activate
        public IssueNote(@Reference DeliveryNoteStore notes, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(InvoicingTypes.NOTE, access);
            this.notes = notes;
        }

        @Override
        protected DeliveryNote act(String id, String comment, Caller caller) {
            return notes.issue(id, caller);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=DeliveryNote", RecordAction.ACTION_PROPERTY + "=ship", RecordAction.WHEN_PROPERTY + "=status=issued",
        RecordAction.SUMMARY_PROPERTY + "=Issued to shipped (handed to the carrier)"})
    public static class ShipNote extends DocumentAction<DeliveryNote> {
        private final DeliveryNoteStore notes;

        @Activate
        public ShipNote(@Reference DeliveryNoteStore notes, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(InvoicingTypes.NOTE, access);
            this.notes = notes;
        }

        @Override
        protected DeliveryNote act(String id, String comment, Caller caller) {
            return notes.ship(id, caller);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=DeliveryNote", RecordAction.ACTION_PROPERTY + "=mark-delivered", RecordAction.WHEN_PROPERTY + "=status=issued,shipped",
        RecordAction.SUMMARY_PROPERTY + "=Issued or shipped to delivered (the customer signed for it)"})
    public static class NoteDelivered extends DocumentAction<DeliveryNote> {
        private final DeliveryNoteStore notes;

        @Activate
        public NoteDelivered(@Reference DeliveryNoteStore notes, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(InvoicingTypes.NOTE, access);
            this.notes = notes;
        }

        @Override
        protected DeliveryNote act(String id, String comment, Caller caller) {
            return notes.delivered(id, caller);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=DeliveryNote", RecordAction.ACTION_PROPERTY + "=cancel", RecordAction.WHEN_PROPERTY + "=status=draft,issued",
        RecordAction.SUMMARY_PROPERTY + "=Draft or issued to cancelled: an issued note's goods are booked back (RETURN) and the order's delivered"
            + " quantities taken back in one transaction; comment: the reason"})
    public static class CancelNote extends DocumentAction<DeliveryNote> {
        private final DeliveryNoteStore notes;

        @Activate
        public CancelNote(@Reference DeliveryNoteStore notes, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(InvoicingTypes.NOTE, access);
            this.notes = notes;
        }

        @Override
        protected DeliveryNote act(String id, String comment, Caller caller) {
            return notes.cancel(id, comment, caller);
        }

        @Override
        protected boolean takesComment() {
            return true;
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Invoice", RecordAction.ACTION_PROPERTY + "=issue", RecordAction.WHEN_PROPERTY + "=status=draft",
        RecordAction.SUMMARY_PROPERTY + "=Draft to issued: issue date (today when empty), due date = issue date + payment term, the order's invoiced"
            + " quantities (400 invoice-exceeds-remaining)"})
    public static class IssueInvoice extends DocumentAction<Invoice> {
        private final InvoiceStore invoices;

        @Activate
        public IssueInvoice(@Reference InvoiceStore invoices, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(InvoicingTypes.INVOICE, access);
            this.invoices = invoices;
        }

        @Override
        protected Invoice act(String id, String comment, Caller caller) {
            return invoices.issue(id, caller);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Invoice", RecordAction.ACTION_PROPERTY + "=cancel", RecordAction.WHEN_PROPERTY + "=status=draft,issued",
        RecordAction.SUMMARY_PROPERTY + "=Draft or issued (nothing paid; 409 invoice-paid otherwise) to cancelled, the order's invoiced quantities"
            + " given back; comment: the reason"})
    public static class CancelInvoice extends DocumentAction<Invoice> {
        private final InvoiceStore invoices;

        @Activate
        public CancelInvoice(@Reference InvoiceStore invoices, @Reference AccessPolicy access, @Reference(target = GATE) ModuleGate gate) {
            super(InvoicingTypes.INVOICE, access);
            this.invoices = invoices;
        }

        @Override
        protected Invoice act(String id, String comment, Caller caller) {
            return invoices.cancel(id, comment, caller);
        }

        @Override
        protected boolean takesComment() {
            return true;
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Invoice", RecordAction.ACTION_PROPERTY + "=run-schedules",
        RecordAction.SCOPE_PROPERTY + "=" + RecordAction.COLLECTION_SCOPE,
        RecordAction.SUMMARY_PROPERTY + "=Administrators: one round of recurring invoicing now (as the hourly job does): the invoices issued"})
    public static class RunSchedules implements RecordAction {
        private final RecurringInvoicing recurring;

        @Activate
        public RunSchedules(@Reference RecurringInvoicing recurring, @Reference(target = GATE) ModuleGate gate) {
            this.recurring = recurring;
        }

        @Override
        public OperationSchema actionSchema() {
            return OperationSchema.json(OperationSchema.NO_MEMBERS, """
                {"type": "object", "properties": {"issued": {"type": "integer"}, "invoiceIds": {"type": "array", "items": {"type": "string"}}}}""");
        }

        @Override
        public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
            if (!caller.administrator()) {
                throw AtriumException.forbidden("only administrators run the recurring invoicing by hand").localized("recurring-administrators-only");
            }
            new Body(body, Set.of()).done();
            List<String> ids = recurring.runOnce(LocalDate.now(), caller).stream().map(Invoice::getId).toList();
            Map<String, Object> answer = new java.util.LinkedHashMap<>();
            answer.put("issued", ids.size());
            answer.put("invoiceIds", ids);
            return answer;
        }
    }

    static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}

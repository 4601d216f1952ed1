package org.atriumcrm.orders.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/quotes/{id}/convert-to-order} {@code {"orderDate"?, "shippingAddress"?, "billingAddress"?,
 * "paymentTermDays"?}}: a draft sales order with the quote's lines and figures, from an approved, sent or accepted
 * quote, which can then make nothing else (409 {@code quote-converted}). Contributed by the orders module to the
 * quotes' actions.
 */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Quote",
    RecordAction.ACTION_PROPERTY + "=convert-to-order", RecordAction.WHEN_PROPERTY + "=stage=approved,sent,accepted",
    RecordAction.SUMMARY_PROPERTY + "=A sales order from this quote (approved, sent or accepted; once): orderDate, shippingAddress, billingAddress, paymentTermDays (optional)"})
public class ConvertToOrderAction implements RecordAction {
    private static final Set<String> TEXTS = Set.of("shippingAddress", "billingAddress");
    private final SalesOrderStore orders;
    private final AccessPolicy access;

    @Activate
    public ConvertToOrderAction(@Reference SalesOrderStore orders, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OrderTypes.MODULE + ")") ModuleGate gate) {
        this.orders = orders;
        this.access = access;
    }

    @Override
    public OperationSchema actionSchema() {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode p = request.putObject("properties");
        p.putObject("orderDate").put("type", "string").put("format", "date");
        for (String t : TEXTS) {
            p.putObject(t).put("type", "string").put("maxLength", 1000);
        }
        p.putObject("paymentTermDays").put("type", "integer").put("minimum", 0).put("maximum", 3650);
        return OperationSchema.of(request, JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/SalesOrder"));
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        if (records.find(id).isEmpty()) {
            throw AtriumException.notFound("no Quote with id " + id).localized("record-not-found", "Quote", id);
        }
        if (!access.access(caller, OrderTypes.ORDER).can(Right.CREATE)) {
            throw AtriumException.forbidden("your profiles do not allow you to create sales orders").localized("right-missing", "create", "SalesOrder");
        }
        JsonNode b = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        if (!b.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object").localized("body-not-object");
        }
        Map<String, Object> values = new HashMap<>();
        var names = b.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            JsonNode v = b.get(n);
            if (v.isNull()) {
                continue;
            }
            if (TEXTS.contains(n) && v.isTextual() && v.textValue().length() <= 1000) {
                values.put(n, v.textValue().strip());
            } else if ("orderDate".equals(n) && v.isTextual()) {
                try {
                    values.put(n, LocalDate.parse(v.textValue()));
                } catch (DateTimeParseException e) {
                    throw AtriumException.invalidField(n, "must be a date like 2026-12-31");
                }
            } else if ("paymentTermDays".equals(n) && v.canConvertToLong() && v.isIntegralNumber()) {
                values.put(n, v.longValue());
            } else {
                throw AtriumException.invalid(n, "convert-to-order-members", "orderDate (a date), shippingAddress, billingAddress (text up to"
                        + " 1000 characters) and paymentTermDays (whole days) are the members here");
            }
        }
        values.put("quoteId", id);
        return RecordBodies.toJson(access.secure(orders, caller).type(), orders.create(values, caller));
    }
}

package org.atriumcrm.contracts.internal;

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
 * {@code POST /api/v1/quotes/{id}/convert-to-contract} {@code {"name"?, "startDate"?, "endDate"?, "renewalDate"?}}:
 * a contract in draft from an approved, sent or accepted quote, which can then make nothing else (409
 * {@code quote-converted}). Contributed by the contracts module to the quotes' actions.
 */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Quote",
    RecordAction.ACTION_PROPERTY + "=convert-to-contract", RecordAction.WHEN_PROPERTY + "=stage=approved,sent,accepted",
    RecordAction.SUMMARY_PROPERTY + "=A contract from this quote (approved, sent or accepted; once): name, startDate, endDate, renewalDate (optional)"})
public class ConvertToContractAction implements RecordAction {
    private static final Set<String> DATES = Set.of("startDate", "endDate", "renewalDate");
    private final ContractStore contracts;
    private final AccessPolicy access;

    @Activate
    public ConvertToContractAction(@Reference ContractStore contracts, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ContractTypes.MODULE + ")") ModuleGate gate) {
        this.contracts = contracts;
        this.access = access;
    }

    @Override
    public OperationSchema actionSchema() {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode p = request.putObject("properties");
        p.putObject("name").put("type", "string").put("maxLength", 200);
        for (String d : DATES) {
            p.putObject(d).put("type", "string").put("format", "date");
        }
        return OperationSchema.of(request, JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/Contract"));
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        if (records.find(id).isEmpty()) {
            throw AtriumException.notFound("no Quote with id " + id).localized("record-not-found", "Quote", id);
        }
        if (!access.access(caller, ContractTypes.CONTRACT).can(Right.CREATE)) {
            throw AtriumException.forbidden("your profiles do not allow you to create contracts").localized("right-missing", "create", "Contract");
        }
        Map<String, Object> values = new HashMap<>();
        JsonNode b = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        if (!b.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object").localized("body-not-object");
        }
        var names = b.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            JsonNode v = b.get(n);
            if (v.isNull()) {
                continue;
            }
            if (!v.isTextual() || (!"name".equals(n) && !DATES.contains(n))) {
                throw AtriumException.invalidField(n, "name, startDate, endDate and renewalDate are the members here, as strings");
            }
            if ("name".equals(n)) {
                if (v.textValue().isBlank() || v.textValue().length() > 200) {
                    throw AtriumException.invalidField(n, "is 1 to 200 characters");
                }
                values.put(n, v.textValue().strip());
            } else {
                try {
                    values.put(n, LocalDate.parse(v.textValue()));
                } catch (DateTimeParseException e) {
                    throw AtriumException.invalidField(n, "must be a date like 2026-12-31");
                }
            }
        }
        values.put("quoteId", id);
        return RecordBodies.toJson(access.secure(contracts, caller).type(), contracts.create(values, caller));
    }
}

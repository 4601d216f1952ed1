package org.atriumcrm.opportunities.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the stage actions share: the caller must see the opportunity (404 otherwise) and be allowed to change
 * it (403); the body is strict; the answer is the opportunity as the caller sees it.
 */
abstract class StageAction implements RecordAction {
    final OpportunityStore opportunities;
    private final AccessPolicy access;

    StageAction(OpportunityStore opportunities, AccessPolicy access) {
        this.opportunities = opportunities;
        this.access = access;
    }

    abstract Set<String> members();

    abstract Opportunity act(String id, JsonNode body, Caller caller);

    /** The body's members as OpenAPI schema properties (and which are required), for the document's types. */
    abstract void describe(ObjectNode properties, ArrayNode required);

    @Override
    public OperationSchema actionSchema() {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("type", "object").put("additionalProperties", false);
        ArrayNode required = request.arrayNode();
        describe(request.putObject("properties"), required);
        if (!required.isEmpty()) {
            request.set("required", required);
        }
        return OperationSchema.of(request, JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/Opportunity"));
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        Opportunity opp = (Opportunity) records.find(id).orElseThrow(() -> AtriumException.notFound("no Opportunity with id " + id).localized("record-not-found", "Opportunity", id));
        EntityAccess rights = access.access(caller, OpportunityTypes.OPPORTUNITY);
        if (!rights.canChange(opp)) {
            throw AtriumException.forbidden("you may see opportunity " + id + " but not change it")
                    .localized("record-read-only-for-you", "Opportunity", id);
        }
        JsonNode b = body == null ? JsonNodeFactory.instance.objectNode() : body;
        if (!b.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object " + members());
        }
        List<FieldError> errors = new ArrayList<>();
        b.fieldNames().forEachRemaining(n -> {
            if (!members().contains(n)) {
                errors.add(new FieldError(n, "is not a member here; use " + members()));
            }
        });
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        @SuppressWarnings("unchecked")
        RecordStore<Opportunity> view = (RecordStore<Opportunity>) records;
        return RecordBodies.toJson(view.type(), act(id, b, caller));
    }

    static String text(JsonNode body, String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw AtriumException.invalidField(member, "must be a string");
        }
        return v.textValue();
    }
}

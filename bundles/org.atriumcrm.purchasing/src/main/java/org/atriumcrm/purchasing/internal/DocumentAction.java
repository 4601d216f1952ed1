package org.atriumcrm.purchasing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A status step of a purchasing document ({@code POST /api/v1/<plural>/{id}/<action>}): the caller must see it (404)
 * and may change it (403); the body is an object of the step's optional string members only (400 otherwise); a
 * step the status does not allow is a 409 from the store.
 */
abstract class DocumentAction<T extends BaseRecord> implements RecordAction {
    private final EntityType<T> type;
    private final AccessPolicy access;
    /** The body's members and what each says, for the checks and the OpenAPI document. */
    private final Map<String, String> members;

    DocumentAction(EntityType<T> type, AccessPolicy access, Map<String, String> members) {
        this.type = type;
        this.access = access;
        this.members = members;
    }

    abstract T act(String id, JsonNode body, Caller caller);

    @Override
    public OperationSchema actionSchema() {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = request.putObject("properties");
        members.forEach((name, description) -> properties.putObject(name).put("type", "string").put("description", description));
        return OperationSchema.of(request, JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + type.name()));
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        @SuppressWarnings("unchecked")
        RecordStore<T> view = (RecordStore<T>) records;
        T record = view.find(id).orElseThrow(() -> AtriumException.notFound("no " + type.name() + " with id " + id));
        if (!access.access(caller, type).canChange(record)) {
            throw AtriumException.forbidden("you may see " + type.name() + " " + id + " but not change it")
                    .localized("record-read-only-for-you", type.label(), id);
        }
        JsonNode b = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        if (!b.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object with at most " + members.keySet())
                    .localized("body-with-members", List.copyOf(members.keySet()));
        }
        List<FieldError> errors = new ArrayList<>();
        b.fields().forEachRemaining(e -> {
            if (!members.containsKey(e.getKey())) {
                errors.add(new FieldError(e.getKey(), "is not a member here; use " + members.keySet()));
            } else if (!e.getValue().isTextual() && !e.getValue().isNull()) {
                errors.add(new FieldError(e.getKey(), "must be a string"));
            }
        });
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        return RecordBodies.toJson(view.type(), act(id, b, caller));
    }

    static String text(JsonNode body, String member) {
        JsonNode v = body.get(member);
        return v == null || v.isNull() ? null : v.textValue();
    }
}

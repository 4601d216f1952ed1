package org.atriumcrm.commerce.api.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.annotation.versioning.ConsumerType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A state transition of an order-to-cash document ({@code POST /api/v1/<plural>/{id}/<action>}), as quotes,
 * contracts and orders share them: the caller must see the document (404) and, unless the action is an approver's
 * decision, be allowed to change it (403); the body is an object with at most a {@code comment}; the answer is the
 * document as the caller sees it.
 *
 * @param <T> the document's record class
 */
@ConsumerType
public abstract class DocumentAction<T extends Record> implements RecordAction {
    private static final int MAX_COMMENT = 2000;
    private final EntityType<T> type;
    private final AccessPolicy access;

    protected DocumentAction(EntityType<T> type, AccessPolicy access) {
        this.type = type;
        this.access = access;
    }

    /** The transition; {@code comment} is null when the body has none. */
    protected abstract T act(String id, String comment, Caller caller);

    /** Whether the body may carry a comment. */
    protected boolean takesComment() {
        return false;
    }

    /**
     * An approver's decision is not an edit: the approver may be a manager who sees the document through the role
     * tree without the edit right, or a named approver who does not see it otherwise;
     * {@link org.atriumcrm.commerce.api.Approvals#mayDecide} says who decides.
     */
    protected boolean isDecision() {
        return false;
    }

    /** For a decision: the document when {@code caller} may decide on it although they cannot see it. */
    protected Optional<T> forDecider(String id, Caller caller) {
        return Optional.empty();
    }

    @Override
    public OperationSchema actionSchema() {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = request.putObject("properties");
        if (takesComment()) {
            properties.putObject("comment").put("type", "string").put("maxLength", MAX_COMMENT);
        }
        return OperationSchema.of(request, JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + type.name()));
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        @SuppressWarnings("unchecked")
        RecordStore<T> view = (RecordStore<T>) records;
        T document = view.find(id).orElse(null);
        if (document == null && isDecision()) {
            document = forDecider(id, caller).orElse(null);
        }
        if (document == null) {
            throw AtriumException.notFound("no " + type.name() + " with id " + id);
        }
        EntityAccess rights = access.access(caller, type);
        if (!isDecision() && !rights.canChange(document)) {
            throw AtriumException.forbidden("you may see " + type.name() + " " + id + " but not change it")
                    .localized("record-read-only-for-you", type.label(), id);
        }
        JsonNode b = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        if (!b.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object").localized("body-not-object");
        }
        Set<String> members = takesComment() ? Set.of("comment") : Set.of();
        List<FieldError> errors = new ArrayList<>();
        b.fieldNames().forEachRemaining(n -> {
            if (!members.contains(n)) {
                errors.add(members.isEmpty() ? FieldError.of(n, "no-members", "is not a member here; send {}")
                        : FieldError.of(n, "not-a-member", "is not a member here; use " + members, List.copyOf(members)));
            }
        });
        JsonNode c = b.get("comment");
        if (c != null && !c.isNull() && !c.isTextual()) {
            errors.add(new FieldError("comment", "must be a string"));
        } else if (c != null && c.isTextual() && c.textValue().length() > MAX_COMMENT) {
            errors.add(FieldError.of("comment", "longer-than", "is longer than " + MAX_COMMENT + " characters", MAX_COMMENT));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        return RecordBodies.toJson(view.type(), act(id, c == null || c.isNull() ? null : c.textValue(), caller));
    }
}

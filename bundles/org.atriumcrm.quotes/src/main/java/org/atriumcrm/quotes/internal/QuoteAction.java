package org.atriumcrm.quotes.internal;

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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the quote actions share: the caller must see the quote (404) and, unless the action is an approver's
 * decision, be allowed to change it (403); the body is an object with at most a {@code comment}; the answer is the
 * quote as the caller sees it.
 */
abstract class QuoteAction implements RecordAction {
    final QuoteStore quotes;
    private final AccessPolicy access;

    QuoteAction(QuoteStore quotes, AccessPolicy access) {
        this.quotes = quotes;
        this.access = access;
    }

    /** The action; {@code comment} is null when the body has none. */
    abstract Quote act(String id, String comment, Caller caller);

    /** Whether the body may carry a comment. */
    boolean takesComment() {
        return false;
    }

    /**
     * An approver's decision is not an edit: the approver may be a manager who sees the quote through the role tree
     * without the edit right, and {@link org.atriumcrm.commerce.api.Approvals#mayDecide} says who decides.
     */
    boolean needsEditRight() {
        return true;
    }

    @Override
    public OperationSchema actionSchema() {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = request.putObject("properties");
        if (takesComment()) {
            properties.putObject("comment").put("type", "string").put("maxLength", 2000);
        }
        return OperationSchema.of(request, JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/Quote"));
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        Quote quote = (Quote) records.find(id).orElse(null);
        if (quote == null && !needsEditRight()) {
            // a named approver need not see the owner's records otherwise: being the approver is enough to decide
            quote = quotes.find(id).filter(q -> quotes.mayDecide(q, caller)).orElse(null);
        }
        if (quote == null) {
            throw AtriumException.notFound("no Quote with id " + id);
        }
        EntityAccess rights = access.access(caller, QuoteTypes.QUOTE);
        if (needsEditRight() && !rights.canChange(quote)) {
            throw AtriumException.forbidden("you may see quote " + quote.getNumber() + " but not change it");
        }
        JsonNode b = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        if (!b.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object");
        }
        Set<String> members = takesComment() ? Set.of("comment") : Set.of();
        List<FieldError> errors = new ArrayList<>();
        b.fieldNames().forEachRemaining(n -> {
            if (!members.contains(n)) {
                errors.add(new FieldError(n, "is not a member here" + (members.isEmpty() ? "; send {}" : "; use " + members)));
            }
        });
        JsonNode c = b.get("comment");
        if (c != null && !c.isNull() && !c.isTextual()) {
            errors.add(new FieldError("comment", "must be a string"));
        } else if (c != null && c.isTextual() && c.textValue().length() > 2000) {
            errors.add(new FieldError("comment", "is longer than 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        @SuppressWarnings("unchecked")
        RecordStore<Quote> view = (RecordStore<Quote>) records;
        Quote done = act(id, c == null || c.isNull() ? null : c.textValue(), caller);
        return RecordBodies.toJson(view.type(), done);
    }
}

package org.atriumcrm.api.query;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;

/**
 * One filter condition on a metadata field. {@code values} are already converted to the field's Java type:
 * one value for comparisons, one or more for {@link Operator#IN}, none for the null tests. For
 * {@link Operator#LIKE} the single value is a pattern where {@code *} matches any run of characters.
 */
@ProviderType
public record Condition(String field, Operator operator, List<Object> values) {

    public Condition {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * {@code id in (ids)}, the list padded to a power of two (repeating one id) so that the database sees a handful of
     * statement shapes, not one per count: Derby compiles every new statement text. No id: an id no record has.
     *
     * @since 1.4
     */
    public static Condition idIn(java.util.Collection<String> ids) {
        List<Object> list = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(ids));
        if (list.isEmpty()) {
            return new Condition("id", Operator.IN, List.of("-"));
        }
        int size = Math.max(8, Integer.highestOneBit(list.size() - 1) << 1);
        Object last = list.get(list.size() - 1);
        while (list.size() < size) {
            list.add(last);
        }
        return new Condition("id", Operator.IN, list);
    }

    public Object value() {
        return values.isEmpty() ? null : values.get(0);
    }
}

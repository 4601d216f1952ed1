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

    public Object value() {
        return values.isEmpty() ? null : values.get(0);
    }
}

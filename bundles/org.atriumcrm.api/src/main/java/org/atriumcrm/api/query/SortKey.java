package org.atriumcrm.api.query;

/** One sort criterion: a field name from the entity's metadata, ascending unless {@code descending}. */
public record SortKey(String field, boolean descending) {
}

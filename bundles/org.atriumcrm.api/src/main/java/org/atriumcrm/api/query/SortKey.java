package org.atriumcrm.api.query;

import org.osgi.annotation.versioning.ProviderType;

/** One sort criterion: a field name from the entity's metadata, ascending unless {@code descending}. */
@ProviderType
public record SortKey(String field, boolean descending) {
}

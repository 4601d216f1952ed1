package org.atriumcrm.api.query;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Optional;
import java.util.Set;

/**
 * An index over the quick-search fields of entity types, so that a quick search over a large table does not scan
 * it. The index only narrows: the store still applies the quick search itself (and filters, permissions, field-level
 * security and the recycle bin) to the records the index names, so the index may name too many records, never too
 * few.
 */
@ProviderType
public interface QuickSearchIndex {

    /**
     * The ids of the {@code entity} records whose quick-search fields may contain {@code text}; empty when the index
     * cannot narrow this search (not built or not trusted for the type, text too short to look up, more than
     * {@code limit} candidates): the caller then searches without it.
     */
    Optional<Set<String>> candidates(String entity, String text, int limit);
}

package org.atriumcrm.api.query;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An index that answers which records make up one page of a list query, so that a list over a large table costs
 * a lookup instead of a scan and sort in the database, whatever the filters and the sort. The index only chooses
 * the page: the caller reads those records from the store with the same query (conditions, quick search,
 * visibility, recycle bin) and falls back to the store's own list when the index cannot answer or named a record
 * the store no longer agrees with. The database stays the truth.
 *
 * @since 1.4
 */
@ProviderType
public interface ListIndex {

    /**
     * The ids of the page {@code query.offset() .. + query.limit()} of {@code entity} in the query's order (its sort,
     * then the id), with the total as {@link ListQuery#countLimit()} asks; empty when the index cannot answer this
     * query (type not indexed, not current, or a condition it cannot evaluate exactly).
     */
    Optional<IdPage> page(String entity, ListQuery query);

    /**
     * A page of ids. {@code total} is exact when {@code totalExact}; otherwise a lower bound (the count stopped at
     * the query's count limit), or -1 when the query asked for no count ({@link ListQuery#NO_COUNT}).
     */
    record IdPage(List<String> ids, long total, boolean totalExact) {
        public IdPage {
            ids = List.copyOf(ids);
        }
    }
}

package org.atriumcrm.api.query;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;

/**
 * One page of a list: the items, the total number matching, and the paging that produced it. {@code totalExact}
 * is false when the query bounded its count ({@link ListQuery#countLimit()}) and the matches reached the bound:
 * then {@code total} is the bound, a lower bound of the real number.
 */
@ProviderType
public record Page<T>(List<T> items, long total, int offset, int limit, boolean totalExact) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page with an exact total (1.1 signature). */
    public Page(List<T> items, long total, int offset, int limit) {
        this(items, total, offset, limit, true);
    }
}

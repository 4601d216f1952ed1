package org.atriumcrm.api.query;

import java.util.List;

/** One page of a list: the items, the total number matching, and the paging that produced it. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}

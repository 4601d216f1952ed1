package org.atriumcrm.api.query;

import java.util.List;

/**
 * A validated list request: paging, sort, quick search and filter conditions, all on metadata fields.
 * Stores translate it into a typed query; nothing here is ever spliced into SQL.
 */
public record ListQuery(int offset, int limit, List<SortKey> sort, String quickSearch, List<Condition> conditions) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public ListQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        sort = sort == null ? List.of() : List.copyOf(sort);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        quickSearch = quickSearch == null || quickSearch.isBlank() ? null : quickSearch.strip();
    }

    public static ListQuery firstPage() {
        return new ListQuery(0, DEFAULT_LIMIT, List.of(), null, List.of());
    }

    public ListQuery withCondition(Condition condition) {
        List<Condition> all = new java.util.ArrayList<>(conditions);
        all.add(condition);
        return new ListQuery(offset, limit, sort, quickSearch, all);
    }
}

package org.atriumcrm.api.query;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;
import java.util.Set;

import org.atriumcrm.api.security.Visibility;

/**
 * A validated list request: paging, sort, quick search and filter conditions, all on metadata fields, plus the
 * caller's {@link Visibility} and the fields hidden from them (never searched). Stores translate it into a
 * typed query; nothing here is ever spliced into SQL.
 *
 * <p>{@code countLimit} bounds the work spent on {@link Page#total()}: {@link #EXACT_COUNT} (0, the default of
 * every constructor but the canonical one) counts every match; a positive value counts at most that many, and a
 * page whose matches reach it says so with {@link Page#totalExact()} false and {@code total == countLimit}. The
 * REST list API bounds its counts at {@link #LIST_COUNT_LIMIT} unless asked for {@code total=exact}: counting a
 * million matches costs a scan of a million index entries for a figure no one pages through. {@link #NO_COUNT}
 * asks for no total at all (clients that page by "next" only).
 */
@ProviderType
public record ListQuery(int offset, int limit, List<SortKey> sort, String quickSearch, List<Condition> conditions,
        Visibility visibility, Set<String> hiddenFields, int countLimit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** Count every match. */
    public static final int EXACT_COUNT = 0;
    /** Count nothing: the page's {@link Page#total()} is then -1 (since 1.4). */
    public static final int NO_COUNT = -1;
    /** The bound of the REST list API's totals. */
    public static final int LIST_COUNT_LIMIT = 10_000;

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
        visibility = visibility == null ? Visibility.ALL : visibility;
        hiddenFields = hiddenFields == null ? Set.of() : Set.copyOf(hiddenFields);
        if (countLimit < NO_COUNT) {
            throw new IllegalArgumentException("countLimit must be >= -1");
        }
    }

    /** A query with an exact count (1.1 signature). */
    public ListQuery(int offset, int limit, List<SortKey> sort, String quickSearch, List<Condition> conditions,
            Visibility visibility, Set<String> hiddenFields) {
        this(offset, limit, sort, quickSearch, conditions, visibility, hiddenFields, EXACT_COUNT);
    }

    /** An unrestricted query (the platform's own view; callers' queries are scoped by the access policy). */
    public ListQuery(int offset, int limit, List<SortKey> sort, String quickSearch, List<Condition> conditions) {
        this(offset, limit, sort, quickSearch, conditions, Visibility.ALL, Set.of());
    }

    public static ListQuery firstPage() {
        return new ListQuery(0, DEFAULT_LIMIT, List.of(), null, List.of());
    }

    public ListQuery withCondition(Condition condition) {
        List<Condition> all = new java.util.ArrayList<>(conditions);
        all.add(condition);
        return new ListQuery(offset, limit, sort, quickSearch, all, visibility, hiddenFields, countLimit);
    }

    /** The same query seen by someone with {@code scope}, who must not find records through {@code hidden} fields. */
    public ListQuery scopedTo(Visibility scope, Set<String> hidden) {
        return new ListQuery(offset, limit, sort, quickSearch, conditions, scope, hidden, countLimit);
    }

    public ListQuery withPage(int newOffset, int newLimit) {
        return new ListQuery(newOffset, newLimit, sort, quickSearch, conditions, visibility, hiddenFields, countLimit);
    }

    /** The same query with other conditions (the paging, sort, search and scope unchanged). */
    public ListQuery withConditions(List<Condition> newConditions) {
        return new ListQuery(offset, limit, sort, quickSearch, newConditions, visibility, hiddenFields, countLimit);
    }

    /** The same query in another order. */
    public ListQuery withSort(List<SortKey> newSort) {
        return new ListQuery(offset, limit, newSort, quickSearch, conditions, visibility, hiddenFields, countLimit);
    }

    /** The same query with its total counted up to {@code newCountLimit} matches ({@link #EXACT_COUNT}: all). */
    public ListQuery withCountLimit(int newCountLimit) {
        return new ListQuery(offset, limit, sort, quickSearch, conditions, visibility, hiddenFields, newCountLimit);
    }
}

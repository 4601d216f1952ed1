package org.atriumcrm.persistence.internal;

import org.osgi.annotation.versioning.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.Order;
import javax.persistence.criteria.Path;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.security.Visibility;

/**
 * Turns validated list conditions into JPA criteria. Only fields the entity's metadata declares can be
 * reached (whitelist), and values are always bound as parameters: no client text ever becomes SQL.
 */
@ProviderType
public final class CriteriaTranslator<T extends Record> {
    private static final char ESCAPE = '\\';
    private final EntityType<T> type;

    public CriteriaTranslator(EntityType<T> type) {
        this.type = type;
    }

    /** Live records matching every condition and, when {@code quickSearch} is set, the quick search. */
    public Predicate where(CriteriaBuilder cb, Root<T> root, List<Condition> conditions, String quickSearch) {
        return where(cb, root, new ListQuery(0, 1, List.of(), quickSearch, conditions));
    }

    /**
     * Live records matching the query, restricted to the records its visibility allows. The visibility is part
     * of the SQL, never a filter applied after fetching, so that pages and totals count visible records only.
     */
    public Predicate where(CriteriaBuilder cb, Root<T> root, ListQuery query) {
        List<Predicate> all = new ArrayList<>();
        all.add(cb.isNull(root.get("deletedAt")));
        all.add(visible(cb, root, query.visibility()));
        for (Condition c : query.conditions()) {
            if (query.hiddenFields().contains(c.field())) {
                throw AtriumException.invalidField("filter", "cannot filter by " + c.field());
            }
            all.add(predicate(cb, root, c));
        }
        if (query.quickSearch() != null) {
            all.add(quickSearch(cb, root, query.quickSearch(), query.hiddenFields()));
        }
        return cb.and(all.toArray(Predicate[]::new));
    }

    /** The records a {@link Visibility} allows: owned by one of its owners, or shared one by one. */
    public Predicate visible(CriteriaBuilder cb, Root<T> root, Visibility visibility) {
        if (visibility.all()) {
            return cb.conjunction();
        }
        List<Predicate> any = new ArrayList<>();
        if (!visibility.ownerIds().isEmpty()) {
            any.add(root.get("ownerId").in(visibility.ownerIds()));
        }
        if (!visibility.recordIds().isEmpty()) {
            any.add(root.get("id").in(visibility.recordIds()));
        }
        return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
    }

    private Predicate quickSearch(CriteriaBuilder cb, Root<T> root, String text, java.util.Set<String> hidden) {
        String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        List<Predicate> any = new ArrayList<>();
        for (FieldDef<T> f : type.searchableFields()) {
            if (!hidden.contains(f.name())) { // a match in a hidden field would reveal its value
                any.add(cb.like(cb.lower(root.get(f.attribute())), pattern, ESCAPE));
            }
        }
        if (type.searchableFields().isEmpty()) {
            throw AtriumException.badRequest(type.name() + " has no quick-search fields");
        }
        if (any.isEmpty()) {
            return cb.disjunction(); // every quick-search field is hidden from the caller: nothing matches
        }
        return cb.or(any.toArray(Predicate[]::new));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate predicate(CriteriaBuilder cb, Root<T> root, Condition c) {
        FieldDef<T> field = filterableField(c.field());
        Path<Object> path = root.get(field.attribute());
        Expression<Comparable> comparable = (Expression<Comparable>) (Expression<?>) path;
        switch (c.operator()) {
            case EQ:
                return cb.equal(path, c.value());
            case NE:
                // "not X" includes records without a value, as users of a CRM filter expect
                return cb.or(cb.notEqual(path, c.value()), cb.isNull(path));
            case LT:
                return cb.lessThan(comparable, (Comparable) c.value());
            case LE:
                return cb.lessThanOrEqualTo(comparable, (Comparable) c.value());
            case GT:
                return cb.greaterThan(comparable, (Comparable) c.value());
            case GE:
                return cb.greaterThanOrEqualTo(comparable, (Comparable) c.value());
            case IN:
                return path.in(c.values());
            case LIKE:
                String pattern = escapeLike(String.valueOf(c.value()).toLowerCase(Locale.ROOT)).replace('*', '%');
                return cb.like(cb.lower((Expression<String>) (Expression<?>) path), pattern, ESCAPE);
            case IS_NULL:
                return cb.isNull(path);
            case IS_NOT_NULL:
                return cb.isNotNull(path);
            default:
                throw new IllegalStateException("operator " + c.operator());
        }
    }

    /**
     * The order for the sort keys, then records that tie on them newest first — creation time, then the id, both
     * descending — so that paging is stable and ties come in the order the record index keeps its documents in
     * (there, every tie in the other direction would displace the page found so far, and a sort on a field with few
     * values is answered value by value in the index's own order).
     */
    public List<Order> orderBy(CriteriaBuilder cb, Root<T> root, List<SortKey> sort) {
        List<SortKey> keys = sort.isEmpty() ? type.defaultSort() : sort;
        List<Order> orders = new ArrayList<>();
        for (SortKey key : keys) {
            FieldDef<T> field = type.field(key.field())
                    .filter(FieldDef::isSortable)
                    .orElseThrow(() -> AtriumException.invalidField("sort", "cannot sort by " + key.field()));
            Path<Object> path = root.get(field.attribute());
            orders.add(key.descending() ? cb.desc(path) : cb.asc(path));
        }
        if (keys.stream().noneMatch(k -> k.field().equals("id"))) {
            Optional<FieldDef<T>> created = type.field("createdAt");
            if (created.isPresent() && keys.stream().noneMatch(k -> k.field().equals("createdAt"))) {
                orders.add(cb.desc(root.get(created.get().attribute())));
            }
            orders.add(cb.desc(root.get("id")));
        }
        return orders;
    }

    private FieldDef<T> filterableField(String name) {
        return type.field(name)
                .filter(FieldDef::isFilterable)
                .orElseThrow(() -> AtriumException.invalidField("filter", "cannot filter by " + name));
    }

    /** Escapes LIKE wildcards so user text matches literally; {@code *} is our only wildcard. */
    static String escapeLike(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (char ch : text.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == ESCAPE) {
                b.append(ESCAPE);
            }
            b.append(ch);
        }
        return b.toString();
    }
}

package org.atriumcrm.search.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.security.Visibility;

/**
 * How a record's metadata fields live in the list index, and how list conditions and sort keys become Lucene queries
 * and sort fields over them — generic, from the metadata of any entity type. Per field:
 * <ul>
 * <li>text-like values (string, e-mail, phone, URL, picklist, reference, id): {@code f.<name>} as an exact term and
 * sorted doc values under the same name (Lucene prunes non-competitive documents of a sorted top-N when both
 * exist), {@code l.<name>} lower-cased for {@code like};</li>
 * <li>numbers, decimals (four places), booleans, dates, instants (microseconds): {@code n.<name>} as a long point
 * and numeric doc values under the same name (same pruning);</li>
 * <li>{@code has:<name>} when the value is not null, {@code has:none:<name>} when the index holds none.</li>
 * </ul>
 * Every translation is exact for the database's semantics (NULL sorts above every value; {@code ne} includes
 * NULL; {@code like} is case-insensitive with {@code *}) or not done: a condition the index cannot decide exactly
 * makes the whole query go to the database.
 */
final class ListFields {
    static final String ENTITY = "entity";
    static final String HAS = "has";
    /**
     * Prefix of the {@link #HAS} term a document holds for each of its type's fields without a value in the index
     * (NULL, too long, not representable): the records sorting as NULL are found through their own postings, where
     * "the matches without {@code has:<name>}" would walk every match of the query.
     */
    static final String NONE = "none:";
    /** Longer values are not indexed (Lucene's term limit is 32 KiB); their fields are not answered from the index. */
    private static final int MAX_TERM_BYTES = 8_000;
    private static final int DECIMAL_SCALE = 4;

    private ListFields() {
    }

    /** Whether the index keeps {@code field} (long text is neither filtered nor sorted from the index). */
    static boolean indexed(FieldDef<?> field) {
        return field.type() != FieldType.TEXT && (field.isFilterable() || field.isSortable()
                || field.name().equals("id") || field.name().equals("ownerId"));
    }

    static boolean numeric(FieldType type) {
        return switch (type) {
            case INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME -> true;
            default -> false;
        };
    }

    static <T extends Record> void add(Document doc, EntityType<T> type, T record) {
        for (FieldDef<T> field : type.fields()) {
            if (!indexed(field)) {
                continue;
            }
            Object value = field.get(record);
            String name = field.name();
            if (value == null) {
                doc.add(new StringField(HAS, NONE + name, Field.Store.NO));
                continue;
            }
            if (numeric(field.type())) {
                Optional<Long> n = asLong(field.type(), value);
                if (n.isEmpty()) {
                    doc.add(new StringField(HAS, NONE + name, Field.Store.NO));
                    continue; // not representable: such a field is never answered from the index (see below)
                }
                doc.add(new LongPoint("n." + name, n.get()));
                doc.add(new NumericDocValuesField("n." + name, n.get()));
            } else {
                String text = value.toString();
                BytesRef bytes = new BytesRef(text);
                if (bytes.length > MAX_TERM_BYTES) {
                    doc.add(new StringField(HAS, "long:" + name, Field.Store.NO));
                    doc.add(new StringField(HAS, NONE + name, Field.Store.NO));
                    continue;
                }
                doc.add(new StringField("f." + name, bytes, Field.Store.NO));
                doc.add(new SortedDocValuesField("f." + name, bytes));
                if (prefixed(field)) {
                    long prefix = prefix(bytes);
                    doc.add(new LongPoint(PREFIX + name, prefix));
                    doc.add(new NumericDocValuesField(PREFIX + name, prefix));
                }
                doc.add(new StringField("l." + name, text.toLowerCase(Locale.ROOT), Field.Store.NO));
            }
            doc.add(new StringField(HAS, name, Field.Store.NO));
        }
    }

    /** Prefix of the point field holding the first bytes of a free-text value (see {@link #prefix}). */
    static final String PREFIX = "p.";

    /**
     * Whether a text field's values also get a {@link #PREFIX} point: free text that is sorted (a name, a city, an
     * e-mail address), where the values are many. Picklists and references have few values, sorted value by value.
     */
    static boolean prefixed(FieldDef<?> field) {
        return field.isSortable() && switch (field.type()) {
            case STRING, EMAIL, PHONE, URL -> true;
            default -> false;
        };
    }

    /**
     * The first eight bytes of a value as a long that orders as the values do (unsigned bytes, shorter first, the
     * sign bit flipped): a value whose prefix is lower sorts before, so the best end of a text sort can be found
     * through the points as for a number, and only the values sharing the edge's prefix are compared in full.
     */
    static long prefix(BytesRef bytes) {
        long p = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            p = (p << 8) | (i < bytes.length ? bytes.bytes[bytes.offset + i] & 0xFF : 0);
        }
        return p ^ Long.MIN_VALUE;
    }

    /** The long form of a numeric value; empty when it has none (a decimal with more places than four, or too big). */
    static Optional<Long> asLong(FieldType type, Object value) {
        try {
            return Optional.of(switch (type) {
                case INTEGER -> ((Number) value).longValue();
                case DECIMAL -> ((BigDecimal) value).setScale(DECIMAL_SCALE).unscaledValue().longValueExact();
                case BOOLEAN -> ((Boolean) value) ? 1L : 0L;
                case DATE -> ((LocalDate) value).toEpochDay();
                case DATETIME -> micros((Instant) value);
                default -> throw new IllegalArgumentException(type.name());
            });
        } catch (ArithmeticException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static long micros(Instant i) {
        if (i.getNano() % 1000 != 0) {
            throw new ArithmeticException("below a microsecond");
        }
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }

    /** The query for one condition, or empty when the index cannot decide it exactly. */
    static <T extends Record> Optional<Query> condition(EntityType<T> type, Condition c, GramAnalyzer analyzer) {
        FieldDef<T> field = type.field(c.field()).orElse(null);
        if (field == null || !field.isFilterable() || !indexed(field)) {
            return Optional.empty();
        }
        String name = field.name();
        Query has = new TermQuery(new Term(HAS, name));
        switch (c.operator()) {
            case IS_NULL:
                return Optional.of(new TermQuery(new Term(HAS, NONE + name)));
            case IS_NOT_NULL:
                return Optional.of(has);
            default:
                break;
        }
        if (numeric(field.type())) {
            List<Long> values = new ArrayList<>();
            for (Object v : c.values()) {
                Optional<Long> n = asLong(field.type(), v);
                if (n.isEmpty()) {
                    return Optional.empty();
                }
                values.add(n.get());
            }
            String f = "n." + name;
            return Optional.ofNullable(switch (c.operator()) {
                case EQ -> LongPoint.newExactQuery(f, values.get(0));
                case NE -> not(LongPoint.newExactQuery(f, values.get(0)));
                case LT -> values.get(0) == Long.MIN_VALUE ? null : LongPoint.newRangeQuery(f, Long.MIN_VALUE, values.get(0) - 1);
                case LE -> LongPoint.newRangeQuery(f, Long.MIN_VALUE, values.get(0));
                case GT -> values.get(0) == Long.MAX_VALUE ? null : LongPoint.newRangeQuery(f, values.get(0) + 1, Long.MAX_VALUE);
                case GE -> LongPoint.newRangeQuery(f, values.get(0), Long.MAX_VALUE);
                case IN -> LongPoint.newSetQuery(f, values);
                default -> null; // like on a number: the database decides
            });
        }
        List<BytesRef> terms = new ArrayList<>();
        for (Object v : c.values()) {
            BytesRef b = new BytesRef(String.valueOf(v));
            if (b.length > MAX_TERM_BYTES) {
                return Optional.empty();
            }
            terms.add(b);
        }
        Query longValues = new TermQuery(new Term(HAS, "long:" + name));
        String f = "f." + name;
        Query q = switch (c.operator()) {
            case EQ -> new TermQuery(new Term(f, terms.get(0)));
            case NE -> not(new TermQuery(new Term(f, terms.get(0))));
            case LT -> new TermRangeQuery(f, null, terms.get(0), true, false);
            case LE -> new TermRangeQuery(f, null, terms.get(0), true, true);
            case GT -> new TermRangeQuery(f, terms.get(0), null, false, true);
            case GE -> new TermRangeQuery(f, terms.get(0), null, true, true);
            case IN -> new TermInSetQuery(f, terms);
            case LIKE -> like(type, field, String.valueOf(c.value()), analyzer);
            default -> null;
        };
        if (q == null) {
            return Optional.empty();
        }
        // a value too long for the index may match anything: such records are candidates, the database decides
        return Optional.of(new BooleanQuery.Builder().add(q, Occur.SHOULD).add(longValues, Occur.SHOULD).build());
    }

    /**
     * A like: a prefix pattern seeks in the field's terms; a pattern with a leading {@code *} on a quick-search field
     * takes its candidates from the grams of its literal runs (every matching value holds them; the gram field is
     * shared by the type's quick-search fields, so they are candidates only) and matches each candidate's own value.
     */
    private static <T extends Record> Query like(EntityType<T> type, FieldDef<T> field, String pattern, GramAnalyzer analyzer) {
        String wildcard = wildcard(pattern);
        if (pattern.startsWith("*") && type.searchableFields().stream().anyMatch(f -> f.name().equals(field.name()))) {
            BooleanQuery.Builder grams = new BooleanQuery.Builder();
            int clauses = 0;
            for (String run : pattern.split("\\*")) {
                for (String gram : analyzer.lookupGrams(run)) {
                    grams.add(new TermQuery(new Term("t", gram)), Occur.FILTER);
                    clauses++;
                }
            }
            if (clauses > 0) {
                return new ValuePatternQuery(grams.build(), "f." + field.name(), wildcard);
            }
        }
        return new WildcardQuery(new Term("l." + field.name(), wildcard));
    }

    /** Our like pattern ({@code *} any run) as a Lucene wildcard on the lower-cased value. */
    static String wildcard(String pattern) {
        StringBuilder b = new StringBuilder();
        for (char ch : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '?' || ch == '\\') {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }

    private static Query not(Query q) {
        return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(q, Occur.MUST_NOT).build();
    }

    /** The records a visibility allows; null when it allows all. */
    static Query visible(Visibility visibility) {
        if (visibility.all()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (!visibility.ownerIds().isEmpty()) {
            any.add(new TermInSetQuery("f.ownerId", visibility.ownerIds().stream().map(BytesRef::new).toList()), Occur.SHOULD);
        }
        if (!visibility.recordIds().isEmpty()) {
            any.add(new TermInSetQuery("f.id", visibility.recordIds().stream().map(BytesRef::new).toList()), Occur.SHOULD);
        }
        return any.build(); // no clause: matches nothing
    }

    /** The last tie-break of every sort, after the creation time (as {@code CriteriaTranslator} orders). */
    static final SortField ID_DESCENDING = new SortField("f.id", SortField.Type.STRING, true);

    /** The sort of a numeric field; NULL above every value, as the database sorts it. */
    static SortField numericSort(String name, boolean descending) {
        SortField s = new SortField("n." + name, SortField.Type.LONG, descending);
        s.setMissingValue(Long.MAX_VALUE);
        return s;
    }

    /**
     * The sort fields for the keys, then creation time and id descending as the database breaks ties (pages are
     * stable, ties come newest first, in the index's own order); empty when one cannot be sorted here.
     */
    static <T extends Record> Optional<List<SortField>> sort(EntityType<T> type, List<SortKey> keys) {
        List<SortField> fields = new ArrayList<>();
        boolean byId = false;
        for (SortKey key : keys) {
            FieldDef<T> field = type.field(key.field()).orElse(null);
            if (field == null || !field.isSortable() || !indexed(field)) {
                return Optional.empty();
            }
            byId |= field.name().equals("id");
            if (numeric(field.type())) {
                fields.add(numericSort(field.name(), key.descending()));
            } else {
                SortField s = new SortField("f." + field.name(), SortField.Type.STRING, key.descending());
                s.setMissingValue(SortField.STRING_LAST);
                fields.add(s);
            }
        }
        if (!byId) {
            if (type.field("createdAt").isPresent() && keys.stream().noneMatch(k -> k.field().equals("createdAt"))) {
                fields.add(numericSort("createdAt", true));
            }
            fields.add(ID_DESCENDING);
        }
        return Optional.of(fields);
    }

    /** A list query in the index's terms. */
    record Translated(Query query, Sort sort) {
    }

    /**
     * The whole list query (conditions, visibility, quick search, sort) as a Lucene query and sort; empty when some
     * part of it cannot be answered exactly here (the database then answers all of it).
     */
    static <T extends Record> Optional<Translated> translate(EntityType<T> type, ListQuery query, GramAnalyzer analyzer) {
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
        for (Condition c : query.conditions()) {
            if (query.hiddenFields().contains(c.field())) {
                return Optional.empty(); // the database refuses it with the right message
            }
            Optional<Query> q = condition(type, c, analyzer);
            if (q.isEmpty()) {
                return Optional.empty();
            }
            all.add(q.get(), Occur.FILTER);
        }
        Query visible = visible(query.visibility());
        if (visible != null) {
            all.add(visible, Occur.FILTER);
        }
        if (query.quickSearch() != null) {
            // the grams of all quick-search fields share one index field: with one of them hidden, a match there
            // would count records the caller finds only through the hidden value
            if (type.searchableFields().isEmpty()
                    || type.searchableFields().stream().anyMatch(f -> query.hiddenFields().contains(f.name()))) {
                return Optional.empty();
            }
            java.util.Set<String> grams = analyzer.lookupGrams(query.quickSearch());
            if (grams.isEmpty()) {
                return Optional.empty();
            }
            grams.forEach(g -> all.add(new TermQuery(new Term("t", g)), Occur.FILTER));
        }
        Optional<List<SortField>> sort = sort(type, query.sort().isEmpty() ? type.defaultSort() : query.sort());
        return sort.map(fields -> new Translated(all.build(), new Sort(fields.toArray(SortField[]::new))));
    }
}

package org.atriumcrm.search.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListIndex.IdPage;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.security.Visibility;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Every kind of list query answered from the index against the same query evaluated on the records by the
 * database's rules (NULL above every value, {@code ne} includes NULL, case-insensitive {@code like}, id as the
 * last sort key): the pages and the totals must be the same.
 */
public class ListIndexTest {
    private static final String[] NAMES = {"Acme", "acme", "Zeta", "北京华为", "上海云杉", "Ärger", "beta co", "Beta", "华为技术"};
    private static final String[] CATEGORIES = {"customer", "partner", "prospect"};
    private static final List<Item> ITEMS = new ArrayList<>();
    /** Enough for the points of a number to tell a range from the whole (see SearchIndex.byRange). */
    private static final int ITEM_COUNT = 3_000;
    private static SearchIndex index;
    private static long stamp;

    @BeforeClass
    public static void fill() throws Exception {
        index = new SearchIndex(Files.createTempDirectory("list-index"));
        Random random = new Random(42);
        for (int i = 0; i < ITEM_COUNT; i++) {
            Item item = new Item(String.format("%08x-0000-7000-8000-%012d", random.nextInt(), i), "u" + random.nextInt(5));
            item.createdAt = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(1000) * 60L);
            if (random.nextInt(6) > 0) {
                item.setName(NAMES[random.nextInt(NAMES.length)] + (random.nextBoolean() ? "" : " " + random.nextInt(50)));
            }
            if (random.nextInt(4) > 0) {
                item.setCategory(CATEGORIES[random.nextInt(CATEGORIES.length)]);
            }
            if (random.nextInt(5) > 0) {
                item.setAmount(BigDecimal.valueOf(random.nextInt(2_000_000) - 100_000, random.nextInt(5)));
            }
            if (random.nextInt(5) > 0) {
                item.setEmployees((long) random.nextInt(300));
            }
            if (random.nextInt(5) > 0) {
                item.setActive(random.nextBoolean());
            }
            if (random.nextInt(5) > 0) {
                item.setCloseDate(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400)));
            }
            item.setPhone("010-" + (1000 + random.nextInt(9000)));
            ITEMS.add(item);
            index.put(Item.TYPE, item, List.of(Objects.toString(item.getName(), ""), item.getPhone()));
            if (i % 300 == 299) {
                index.commit(); // several segments, as a grown index has: pages are merged across them
            }
        }
        index.put(Item.OTHER, new Item("other-1", "u1"), List.of("Acme")); // another type: never in Account's lists
        index.commit();
    }

    @AfterClass
    public static void close() throws Exception {
        index.close();
    }

    @Test
    public void everySortAscendingAndDescendingIsTheDatabaseOrder() throws Exception {
        for (String field : List.of("name", "category", "amount", "employees", "active", "closeDate", "createdAt", "ownerId", "id")) {
            for (boolean descending : List.of(false, true)) {
                check(query(List.of(new SortKey(field, descending)), List.of(), Visibility.ALL));
            }
        }
        check(query(List.of(new SortKey("category", false), new SortKey("amount", true)), List.of(), Visibility.ALL));
        check(query(List.of(), List.of(), Visibility.ALL)); // the default: newest first
    }

    @Test
    public void aTextSortWithManyValuesTakesTheValuesInOrderAcrossSegments() throws Exception {
        index.fewValues = 4; // the names are "many values" now: read in batches from the segments' sorted values
        try {
            for (boolean descending : List.of(false, true)) {
                ListQuery byName = query(List.of(new SortKey("name", descending)), List.of(), Visibility.ALL);
                check(byName);
                check(byName.withPage(0, 60)); // more than one batch of values
                check(byName.withPage(45, 20));
                check(byName.withPage(ITEM_COUNT - 20, 20)); // past every value: the records without a name
                check(byName.withConditions(List.of(new Condition("category", Operator.NE, List.of("partner")))));
                check(byName.withConditions(List.of(new Condition("category", Operator.EQ, List.of("partner"))))); // compared
            }
        } finally {
            index.fewValues = SearchIndex.FEW_VALUES;
        }
    }

    @Test
    public void everyFilterKindAloneAndWithASort() throws Exception {
        List<Condition> conditions = List.of(
                new Condition("category", Operator.EQ, List.of("partner")),
                new Condition("category", Operator.NE, List.of("partner")),
                new Condition("category", Operator.IN, List.of("partner", "prospect")),
                new Condition("category", Operator.IS_NULL, List.of()),
                new Condition("category", Operator.IS_NOT_NULL, List.of()),
                new Condition("name", Operator.EQ, List.of("Acme")),
                new Condition("name", Operator.LIKE, List.of("acme*")),
                new Condition("name", Operator.LIKE, List.of("*ET*")),
                new Condition("name", Operator.LIKE, List.of("*华为*")),
                new Condition("name", Operator.LIKE, List.of("*E*")), // a run without grams: the terms are walked
                new Condition("name", Operator.LIKE, List.of("*cme 1*")),
                new Condition("name", Operator.LIKE, List.of("*ac*e 4*")),
                new Condition("name", Operator.LIKE, List.of("*为技*")),
                new Condition("name", Operator.LIKE, List.of("*010*")), // only in the phone: a candidate, not a match
                new Condition("phone", Operator.LIKE, List.of("*010-1*")),
                new Condition("name", Operator.GE, List.of("Beta")),
                new Condition("name", Operator.LT, List.of("b")),
                new Condition("amount", Operator.GE, List.of(new BigDecimal("1000.5"))),
                new Condition("amount", Operator.LT, List.of(new BigDecimal("0"))),
                new Condition("amount", Operator.EQ, List.of(new BigDecimal("1000"))),
                new Condition("employees", Operator.LE, List.of(10L)),
                new Condition("employees", Operator.GT, List.of(250L)),
                new Condition("employees", Operator.IN, List.of(1L, 2L, 3L, 100L)),
                new Condition("employees", Operator.NE, List.of(7L)),
                new Condition("active", Operator.EQ, List.of(true)),
                new Condition("active", Operator.IS_NULL, List.of()),
                new Condition("closeDate", Operator.GE, List.of(LocalDate.of(2026, 6, 1))),
                new Condition("closeDate", Operator.LT, List.of(LocalDate.of(2026, 3, 1))),
                new Condition("createdAt", Operator.GT, List.of(Instant.parse("2026-01-01T08:00:00Z"))),
                new Condition("ownerId", Operator.EQ, List.of("u3")));
        for (Condition c : conditions) {
            check(query(List.of(), List.of(c), Visibility.ALL));
            check(query(List.of(new SortKey("name", false)), List.of(c), Visibility.ALL));
            check(query(List.of(new SortKey("amount", true)), List.of(c), Visibility.ALL));
        }
        check(query(List.of(new SortKey("closeDate", false)), conditions.subList(0, 1), Visibility.ALL)
                .withConditions(List.of(conditions.get(0), conditions.get(14))));
    }

    @Test
    public void aRepSeesOnlyTheirOwnersAndSharedRecordsInPagesAndTotals() throws Exception {
        Visibility rep = new Visibility(false, Set.of("u1", "u2"), Set.of(ITEMS.get(0).getId(), ITEMS.get(1).getId()));
        check(query(List.of(), List.of(), rep));
        check(query(List.of(new SortKey("name", true)), List.of(new Condition("category", Operator.EQ, List.of("customer"))), rep));
        // their own records only: by owner the query itself names the one value to search; by name the points of
        // the names' first bytes narrow the page; by a number the range at the best end
        Visibility own = new Visibility(false, Set.of("u3"), Set.of());
        for (String field : List.of("name", "phone", "ownerId", "category", "amount", "createdAt")) {
            for (boolean descending : List.of(false, true)) {
                check(query(List.of(new SortKey(field, descending)), List.of(), own));
                check(query(List.of(new SortKey(field, descending)), List.of(), own).withPage(0, 60));
            }
        }
        IdPage none = index.page("Account", ListFields.translate(Item.TYPE, query(List.of(), List.of(), Visibility.NONE),
                index.analyzer()).orElseThrow().query(), sortOf(List.of()), 0, 20, ListQuery.EXACT_COUNT, stamp);
        assertEquals(0, none.total());
        assertTrue(none.ids().isEmpty());
    }

    @Test
    public void aTextPrefixOrdersAsTheValues() {
        List<String> values = new ArrayList<>(List.of("", "a", "a\u0000", "ab", "abcdefgh", "abcdefghi", "abcdefgi", "Z", "\u00c4rger",
                "北京", "北京华为", "上海", "\uD83D\uDE00", "zzzzzzzzzz"));
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            StringBuilder v = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                v.append((char) (random.nextBoolean() ? 'a' + random.nextInt(3) : 0x4e00 + random.nextInt(3)));
            }
            values.add(v.toString());
        }
        for (String a : values) {
            for (String b : values) {
                org.apache.lucene.util.BytesRef x = new org.apache.lucene.util.BytesRef(a);
                org.apache.lucene.util.BytesRef y = new org.apache.lucene.util.BytesRef(b);
                if (x.compareTo(y) < 0) {
                    assertTrue(a + " < " + b, ListFields.prefix(x) <= ListFields.prefix(y));
                }
            }
        }
    }

    @Test
    public void theValuesAQueryRequiresAreFoundInItsClauses() {
        org.apache.lucene.search.Query owners = new org.apache.lucene.search.TermInSetQuery("f.ownerId",
                List.of(new org.apache.lucene.util.BytesRef("u1"), new org.apache.lucene.util.BytesRef("u2")));
        org.apache.lucene.search.Query shared = new org.apache.lucene.search.TermInSetQuery("f.id",
                List.of(new org.apache.lucene.util.BytesRef("r1")));
        org.apache.lucene.search.Query entity = new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("entity", "Account"));
        org.apache.lucene.search.BooleanClause.Occur filter = org.apache.lucene.search.BooleanClause.Occur.FILTER;
        org.apache.lucene.search.BooleanClause.Occur should = org.apache.lucene.search.BooleanClause.Occur.SHOULD;
        org.apache.lucene.search.Query ownOnly = new org.apache.lucene.search.BooleanQuery.Builder().add(entity, filter)
                .add(new org.apache.lucene.search.BooleanQuery.Builder().add(owners, should).build(), filter).build();
        assertEquals(Set.of(new org.apache.lucene.util.BytesRef("u1"), new org.apache.lucene.util.BytesRef("u2")),
                SearchIndex.requiredValues(ownOnly, "f.ownerId"));
        assertEquals(null, SearchIndex.requiredValues(ownOnly, "f.name"));
        // shared records may have any owner
        org.apache.lucene.search.Query withShares = new org.apache.lucene.search.BooleanQuery.Builder().add(entity, filter)
                .add(new org.apache.lucene.search.BooleanQuery.Builder().add(owners, should).add(shared, should).build(), filter).build();
        assertEquals(null, SearchIndex.requiredValues(withShares, "f.ownerId"));
        // an optional clause beside a required one binds nothing
        org.apache.lucene.search.Query optional = new org.apache.lucene.search.BooleanQuery.Builder().add(entity, filter).add(owners, should).build();
        assertEquals(null, SearchIndex.requiredValues(optional, "f.ownerId"));
        // two required clauses: the values both allow
        org.apache.lucene.search.Query both = new org.apache.lucene.search.BooleanQuery.Builder().add(owners, filter)
                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("f.ownerId", "u2")), filter).build();
        assertEquals(Set.of(new org.apache.lucene.util.BytesRef("u2")), SearchIndex.requiredValues(both, "f.ownerId"));
        org.apache.lucene.search.Query excluded = new org.apache.lucene.search.BooleanQuery.Builder().add(entity, filter)
                .add(owners, org.apache.lucene.search.BooleanClause.Occur.MUST_NOT).build();
        assertEquals(null, SearchIndex.requiredValues(excluded, "f.ownerId"));
    }

    @Test
    public void deepPagesAndBoundedAndAbsentTotals() throws Exception {
        ListQuery deep = query(List.of(new SortKey("name", false)), List.of(), Visibility.ALL).withPage(370, 20);
        check(deep);
        ListQuery bounded = query(List.of(), List.of(), Visibility.ALL).withCountLimit(50);
        IdPage page = run(bounded);
        assertEquals(50, page.total());
        assertFalse(page.totalExact());
        IdPage none = run(query(List.of(), List.of(), Visibility.ALL).withCountLimit(ListQuery.NO_COUNT));
        assertEquals(-1, none.total());
        assertEquals(20, none.ids().size());
    }

    @Test
    public void quickSearchNarrowsLikeTheDatabaseAndHiddenFieldsAreNotSearchedHere() throws Exception {
        ListQuery q = new ListQuery(0, 20, List.of(new SortKey("name", false)), "华为", List.of());
        IdPage page = run(q);
        List<Item> expected = ITEMS.stream().filter(i -> i.getName() != null && i.getName().contains("华为"))
                .sorted(order(q.sort())).toList();
        assertEquals(expected.size(), page.total());
        assertEquals(expected.stream().limit(20).map(Item::getId).toList(), page.ids());
        assertEquals("a caller who may not see a quick-search field is answered by the database", Optional.empty(),
                ListFields.translate(Item.TYPE, q.scopedTo(Visibility.ALL, Set.of("phone")), index.analyzer()));
        assertEquals("a filter on a hidden field is the database's 400", Optional.empty(), ListFields.translate(Item.TYPE,
                q.withCondition(new Condition("phone", Operator.EQ, List.of("x"))).scopedTo(Visibility.ALL, Set.of("phone")),
                index.analyzer()));
        assertEquals("long text is not kept", Optional.empty(), ListFields.translate(Item.TYPE,
                q.withCondition(new Condition("notes", Operator.EQ, List.of("x"))), index.analyzer()));
    }

    @Test
    public void pagingOnThroughALongListAndBackAgainStaysTheDatabasesOrderAlsoAfterAWrite() throws Exception {
        ListQuery q = query(List.of(new SortKey("name", true)), List.of(new Condition("category", Operator.NE, List.of("partner"))), Visibility.ALL);
        for (int offset = 0; offset < 420; offset += 15) {
            check(q.withPage(offset, 15)); // each page starts from the remembered end of the one before
        }
        for (int offset = 405; offset >= 0; offset -= 45) {
            check(q.withPage(offset, 15));
        }
        check(q.withPage(200, 15));
        check(q.withPage(200, 15)); // the same page again: from the position remembered before it
        // a record that sorts first: every later offset moves by one, remembered positions must not be used
        Item first = new Item("00000000-0000-7000-8000-000000009999", "u1");
        first.setName("\uffff last in byte order, first descending");
        ITEMS.add(first);
        try {
            index.put(Item.TYPE, first, List.of(first.getName()));
            index.refresh();
            stamp++;
            check(q.withPage(200, 15));
            check(q.withPage(215, 15));
        } finally {
            ITEMS.remove(first);
            index.remove("Account", first.getId());
            index.refresh();
            stamp++;
        }
    }

    // --- the oracle: the database's rules over the records in memory ---

    private static ListQuery query(List<SortKey> sort, List<Condition> conditions, Visibility visibility) {
        return new ListQuery(0, 20, sort, null, conditions, visibility, Set.of(), ListQuery.EXACT_COUNT);
    }

    private static IdPage run(ListQuery q) throws Exception {
        ListFields.Translated t = ListFields.translate(Item.TYPE, q, index.analyzer()).orElseThrow(() -> new AssertionError("not answered: " + q));
        return index.page("Account", t.query(), t.sort(), q.offset(), q.limit(), q.countLimit(), stamp);
    }

    private static org.apache.lucene.search.Sort sortOf(List<SortKey> keys) {
        return new org.apache.lucene.search.Sort(ListFields.sort(Item.TYPE, keys.isEmpty() ? Item.TYPE.defaultSort() : keys)
                .orElseThrow().toArray(org.apache.lucene.search.SortField[]::new));
    }

    private static void check(ListQuery q) throws Exception {
        Predicate<Item> matches = i -> q.visibility().allows(i);
        for (Condition c : q.conditions()) {
            matches = matches.and(i -> holds(c, Item.TYPE.field(c.field()).orElseThrow().get(i)));
        }
        List<Item> expected = ITEMS.stream().filter(matches).sorted(order(q.sort().isEmpty() ? Item.TYPE.defaultSort() : q.sort())).toList();
        IdPage page = run(q);
        assertEquals("total of " + q, expected.size(), page.total());
        assertEquals("page of " + q, expected.stream().skip(q.offset()).limit(q.limit()).map(Item::getId).toList(), page.ids());
        if (q.countLimit() == ListQuery.EXACT_COUNT) {
            // a bounded total: exact below the bound (never below the page's end), the bound itself past it
            for (int limit : new int[] {7, 60, 100_000}) {
                int bound = Math.max(limit, q.offset() + q.limit());
                IdPage b = run(q.withCountLimit(limit));
                assertEquals("page of " + q + " counted to " + limit, page.ids(), b.ids());
                assertEquals("total of " + q + " counted to " + limit, Math.min(expected.size(), bound), b.total());
                assertEquals("exactness of " + q + " counted to " + limit, expected.size() <= bound, b.totalExact());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean holds(Condition c, Object v) {
        switch (c.operator()) {
            case IS_NULL: return v == null;
            case IS_NOT_NULL: return v != null;
            case NE: return v == null || compare(v, c.value()) != 0;
            default: break;
        }
        if (v == null) {
            return false;
        }
        int cmp = compare(v, c.value());
        return switch (c.operator()) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case IN -> c.values().stream().anyMatch(x -> compare(v, x) == 0);
            case LIKE -> Pattern.compile(Pattern.quote(String.valueOf(c.value()).toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"))
                    .matcher(v.toString().toLowerCase(Locale.ROOT)).matches();
            default -> throw new IllegalStateException();
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b);
        }
        return ((Comparable) a).compareTo(b);
    }

    private static Comparator<Item> order(List<SortKey> keys) {
        Comparator<Item> order = (a, b) -> 0;
        for (SortKey k : keys) {
            FieldDef<Item> f = Item.TYPE.field(k.field()).orElseThrow();
            Comparator<Item> one = (a, b) -> {
                Object x = f.get(a);
                Object y = f.get(b);
                if (x == null || y == null) {
                    return x == null ? (y == null ? 0 : 1) : -1; // NULL above every value
                }
                return compare(x, y);
            };
            order = order.thenComparing(k.descending() ? one.reversed() : one);
        }
        if (keys.stream().anyMatch(k -> k.field().equals("id"))) {
            return order;
        }
        if (keys.stream().noneMatch(k -> k.field().equals("createdAt"))) {
            order = order.thenComparing(Comparator.comparing((Item i) -> i.createdAt).reversed());
        }
        return order.thenComparing(Comparator.comparing(Item::getId).reversed()); // ties newest first, as the store
    }
}

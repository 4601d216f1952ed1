package org.atriumcrm.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.query.ListIndex;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.record.Record;

/**
 * The Lucene index of the records: one document per record ({@code key} = entity + id, the record's id stored, its
 * quick-search values cut into grams by {@link GramAnalyzer}, and its list fields ({@link ListFields}): what quick
 * searches and list pages are answered from. Which entity types are
 * complete ("built") is kept in the commit's user data, so a restart knows what it can trust.
 * Writes come from one thread (the service's indexer); searches from any.
 */
final class SearchIndex implements Closeable {
    /** Bump when the document layout or the analyzer changes: every entity type is then rebuilt. */
    static final String LAYOUT = "grams-2-3+list-fields/v7-newest-first-id-none-text-prefix";
    private static final String BUILT = "built.";
    private static final String LAYOUT_KEY = "layout";
    private static final String COMMITTED_AT = "committedAt";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final GramAnalyzer analyzer = new GramAnalyzer();
    private final Map<String, String> commitData = new HashMap<>();
    private final Cursors cursors = new Cursors();

    SearchIndex(Path dir) throws IOException {
        this.directory = FSDirectory.open(dir);
        IndexWriter opened;
        try {
            opened = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (IllegalArgumentException otherIndexSort) {
            // an index of an earlier layout, sorted differently: Lucene cannot re-sort it, it is rebuilt anyway
            opened = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
        }
        this.writer = opened;
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> commitData.put(e.getKey(), e.getValue()));
        }
        if (!LAYOUT.equals(commitData.get(LAYOUT_KEY))) {
            writer.deleteAll(); // written by another layout: nothing in it can be trusted
            commitData.clear();
            commitData.put(LAYOUT_KEY, LAYOUT);
        }
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Segments keep their documents newest first, ties by id as every list breaks them: a list in the default order
     * (newest first), with any filter, then stops reading a segment after its first page of matches instead of
     * comparing every match (Lucene ends early when the list's sort is the index's) — with documents in insertion
     * order, the newest are last and each one displaces the page found so far. Sorts on other fields meet their
     * ties in the order the page wants them, so a tie never displaces a hit found before it.
     */
    static final Sort NEWEST_FIRST = new Sort(ListFields.numericSort("createdAt", true), ListFields.ID_DESCENDING);

    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(32).setIndexSort(NEWEST_FIRST);
    }

    GramAnalyzer analyzer() {
        return analyzer;
    }

    /** Whether every record of {@code entity} was indexed (and the index kept current since). */
    synchronized boolean built(String entity) {
        return commitData.containsKey(BUILT + entity);
    }

    /** When the index was last committed (epoch ms); 0 when never. */
    synchronized long committedAt() {
        return Long.parseLong(commitData.getOrDefault(COMMITTED_AT, "0"));
    }

    synchronized void markBuilt(String entity, boolean built) {
        if (built) {
            commitData.put(BUILT + entity, "true");
        } else {
            commitData.remove(BUILT + entity);
        }
    }

    /** Adds or replaces the record's document: its quick-search grams and its list fields ({@link ListFields}). */
    <T extends Record> void put(EntityType<T> type, T record, Collection<String> values) throws IOException {
        String entity = type.name();
        String id = record.getId();
        Document doc = new Document();
        doc.add(new StringField("key", entity + ":" + id, Field.Store.NO));
        doc.add(new StringField(ListFields.ENTITY, entity, Field.Store.NO));
        doc.add(new StoredField("id", id));
        ListFields.add(doc, type, record);
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                doc.add(new TextField("t", GramAnalyzer.normalize(v), Field.Store.NO));
            }
        }
        writer.updateDocument(new Term("key", entity + ":" + id), doc);
    }

    /** Whether the record's document is there and was written from the record as modified at {@code modifiedAt}. */
    boolean holds(String entity, String id, java.time.Instant modifiedAt) throws IOException {
        java.util.Optional<Long> wanted = ListFields.asLong(org.atriumcrm.api.meta.FieldType.DATETIME, modifiedAt);
        if (wanted.isEmpty()) {
            return false;
        }
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(new TermQuery(new Term("key", entity + ":" + id)), 1);
            if (top.scoreDocs.length == 0) {
                return false;
            }
            int doc = top.scoreDocs[0].doc;
            org.apache.lucene.index.LeafReaderContext leaf = s.getIndexReader().leaves()
                    .get(org.apache.lucene.index.ReaderUtil.subIndex(doc, s.getIndexReader().leaves()));
            org.apache.lucene.index.NumericDocValues values = leaf.reader().getNumericDocValues("n.modifiedAt");
            return values != null && values.advanceExact(doc - leaf.docBase) && values.longValue() == wanted.get();
        } finally {
            searchers.release(s);
        }
    }

    void remove(String entity, String id) throws IOException {
        writer.deleteDocuments(new Term("key", entity + ":" + id));
    }

    void removeAll(String entity) throws IOException {
        writer.deleteDocuments(new Term("entity", entity));
    }

    /** Makes the writes durable (with the built marks) and visible to searches. */
    void commit() throws IOException {
        synchronized (this) {
            commitData.put(COMMITTED_AT, String.valueOf(System.currentTimeMillis()));
            writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
        }
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Makes the writes visible to searches without the cost of a commit. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    int count(String entity) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(new TermQuery(new Term("entity", entity)));
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Whether the index holds at least {@code records} documents of {@code entity}: asked on every list and search,
     * so it stops counting there (a plain count walks every posting of the type once a segment has deletions).
     */
    boolean holdsAtLeast(String entity, int records) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            org.apache.lucene.index.IndexReader.CacheHelper version = s.getIndexReader().getReaderCacheHelper();
            Object key = version == null ? null : version.getKey();
            String counted = entity + '|' + records;
            Map.Entry<Object, Long> known = typeSizes.get(counted);
            long size = known != null && key != null && known.getKey() == key ? known.getValue()
                    : BoundedCount.count(s, new TermQuery(new Term("entity", entity)), records);
            if (key != null) {
                typeSizes.put(counted, Map.entry(key, size));
            }
            return size >= records;
        } finally {
            searchers.release(s);
        }
    }

    /** Per type and bound, its bounded document count under the reader it was counted with (see {@link #holdsAtLeast}). */
    private final Map<String, Map.Entry<Object, Long>> typeSizes = new java.util.concurrent.ConcurrentHashMap<>();

    /** Ids of the records holding every gram of {@code text}; empty when {@code text} has none or more than {@code limit} match. */
    Optional<Set<String>> candidates(String entity, String text, int limit) throws IOException {
        Set<String> grams = analyzer.lookupGrams(text);
        if (grams.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(new TermQuery(new Term("entity", entity)), Occur.FILTER);
        grams.forEach(g -> query.add(new TermQuery(new Term("t", g)), Occur.FILTER));
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(query.build(), limit + 1);
            if (top.scoreDocs.length > limit) {
                return Optional.empty();
            }
            StoredFields stored = s.storedFields();
            Set<String> ids = new HashSet<>();
            for (var hit : top.scoreDocs) {
                ids.add(stored.document(hit.doc, Set.of("id")).get("id"));
            }
            return Optional.of(ids);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * The ids of hits {@code offset .. offset + limit} of {@code filter} within {@code entity} in {@code sort} order,
     * with the total as {@code countLimit} asks (see {@link ListQuery#countLimit()}). A deep page starts after the
     * nearest earlier position of the same query remembered from an earlier page ({@link Cursors}), so paging on
     * through a long list costs a page each time, not the whole way from the top; {@code stamp} is the entity's
     * index version, and a change forgets the positions.
     */
    ListIndex.IdPage page(String entity, Query filter, Sort sort, int offset, int limit, int countLimit, long stamp) throws IOException {
        Query query = new BooleanQuery.Builder().add(new TermQuery(new Term(ListFields.ENTITY, entity)), Occur.FILTER)
                .add(filter, Occur.FILTER).build();
        String key = entity + '|' + query + '|' + sort;
        Map.Entry<Integer, FieldDoc> from = offset == 0 ? null : cursors.before(key, stamp, offset);
        int skip = from == null ? offset : offset - from.getKey() - 1;
        int hits = skip + limit;
        int end = offset + limit;
        // the page's search stops counting at the page itself, so that Lucene skips every document that cannot
        // reach the page from there on (by the sort field's points) instead of comparing the first ten thousand
        // matches; the total is counted apart, by iterating the matches without reading a sort value, and only up to
        // the bound (an exact count is asked of Lucene, which counts from term statistics where it can)
        int bound = countLimit == ListQuery.EXACT_COUNT || countLimit == ListQuery.NO_COUNT ? end : Math.max(countLimit, end);
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = from == null ? oldestFirst(s, query, sort, hits) : null;
            boolean narrowed = top != null; // its hit count is of the narrowed range, not of the query
            TopDocs grouped = null;
            if (top == null && textSorted(sort)) {
                boolean few = matchesFew(s, query);
                // a selective query tries a few values only: each value it does not hold is a search for nothing
                grouped = from == null ? byValue(s, query, sort, hits, fewValues, few ? FEW_GROUPS_SEARCHED : GROUPS_SEARCHED) : null;
                top = grouped != null || few ? grouped : byValues(s, query, sort, hits, from == null ? null : from.getValue());
                if (top == null && few) {
                    sort = compared(sort); // comparing a few percent of the index beats every way of skipping
                    top = from == null ? byPrefix(s, query, sort, hits) : null;
                }
                narrowed = top != null;
            }
            if (top == null && from == null) {
                top = byRange(s, query, sort, hits);
                narrowed = top != null;
                if (top == null && numericSkipping(sort) && matchesFew(s, query)) {
                    // Lucene's skipping walks the index in its own order, newest first, testing each document against
                    // the query until the page is full: for a rep whose records are older than most, nearly the whole
                    // index. Comparing the rep's own matches costs a few percent of that.
                    sort = compared(sort);
                }
            }
            if (top == null) {
                top = s.search(query, new TopFieldCollectorManager(sort, hits, from == null ? null : from.getValue(), hits));
            }
            List<String> ids = ids(s, top, grouped == null ? sort : NEWEST_FIRST, skip);
            if (grouped == null) { // its hits carry the index's sort values, not this sort's: no position to resume from
                remember(key, stamp, offset, skip, hits, top);
            }
            if (countLimit == ListQuery.NO_COUNT) {
                return new ListIndex.IdPage(ids, -1, false);
            }
            if (!narrowed && top.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
                return new ListIndex.IdPage(ids, top.totalHits.value, true); // every match was collected
            }
            if (countLimit == ListQuery.EXACT_COUNT) {
                return new ListIndex.IdPage(ids, s.count(query), true);
            }
            long counted = BoundedCount.count(s, query, bound + 1);
            return counted > bound ? new ListIndex.IdPage(ids, bound, false) : new ListIndex.IdPage(ids, counted, true);
        } finally {
            searchers.release(s);
        }
    }

    /** At most this share of the index (1/n) matching makes a query selective (see {@link #compared}). */
    static final int SELECTIVE = 4;

    /** Whether Lucene would skip by the points of the sort's first key (a number other than the index's own order). */
    private static boolean numericSkipping(Sort sort) {
        SortField first = sort.getSort()[0];
        return first.getType() == SortField.Type.LONG
                && !(first.getReverse() && first.getField().equals(NEWEST_FIRST.getSort()[0].getField()));
    }

    /** Whether the sort's first key is a text field (not the id tie-break). */
    private static boolean textSorted(Sort sort) {
        SortField first = sort.getSort()[0];
        return first.getType() == SortField.Type.STRING && !first.getField().equals(ListFields.ID_DESCENDING.getField());
    }

    /** Whether at most 1/{@value #SELECTIVE} of the index matches, by the query's cost estimate (nothing is read). */
    private static boolean matchesFew(IndexSearcher s, Query query) throws IOException {
        return cost(s, query) * SELECTIVE <= s.getIndexReader().maxDoc();
    }

    /** How many documents the query may match, by Lucene's estimate (an upper bound for conjunctions). */
    private static long cost(IndexSearcher s, Query query) throws IOException {
        org.apache.lucene.search.Weight weight = s.createWeight(s.rewrite(query), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
        long cost = 0;
        for (org.apache.lucene.index.LeafReaderContext leaf : s.getIndexReader().leaves()) {
            org.apache.lucene.search.ScorerSupplier matches = weight.scorerSupplier(leaf);
            cost += matches == null ? 0 : matches.cost();
        }
        return cost;
    }

    /**
     * The sort with its text keys (and a first numeric key) compared match by match. To skip documents in a sort on
     * a text field, Lucene reads the postings of every value still competitive in each segment, up to a thousand of
     * them, before the first match is compared; on a number it walks the index in its own order until the page is
     * full. For a query that matches a few percent of the index (a rep's own records, a quick search, a narrow
     * filter) comparing the matches' values is much cheaper.
     */
    private static Sort compared(Sort sort) {
        SortField[] fields = sort.getSort();
        SortField[] compared = new SortField[fields.length];
        for (int i = 0; i < fields.length; i++) {
            SortField f = fields[i];
            if (f.getType() == SortField.Type.STRING || i == 0 && f.getType() == SortField.Type.LONG) {
                SortField c = new SortField(f.getField(), f.getType(), f.getReverse());
                if (f.getMissingValue() != null) {
                    c.setMissingValue(f.getMissingValue());
                }
                c.setOptimizeSortWithIndexedData(false);
                compared[i] = c;
            } else {
                compared[i] = f;
            }
        }
        return new Sort(compared);
    }

    /** Most hits {@link #byValues} looks for; deeper pages are left to the search-after positions. */
    static final int VALUES_PAGE = 1_000;
    /** How many batches of values {@link #byValues} searches before it leaves the page to one ordinary search. */
    static final int VALUE_BATCHES = 8;

    /**
     * A page sorted by a text field with many values (a name) when much of the index matches: the values are taken
     * in the sort's order straight from the segments' sorted values, a batch at a time, and only the matches holding
     * a value of the batch are searched and compared; the page is usually full after the first batch. (Lucene's own
     * skipping reads the postings of up to a thousand competitive values per segment first.) NULL sorts above every
     * value, as the database sorts, and a value too long for the index sorts as NULL there too. Null when the sort is
     * another one or the page is not found within a few batches (sparse matches: the ordinary search is cheaper).
     */
    private static TopDocs byValues(IndexSearcher s, Query query, Sort sort, int hits, FieldDoc after) throws IOException {
        SortField[] fields = sort.getSort();
        SortField[] newest = NEWEST_FIRST.getSort();
        if (hits > VALUES_PAGE || fields.length != newest.length + 1
                || !java.util.Arrays.equals(fields, 1, fields.length, newest, 0, newest.length)) {
            return null;
        }
        // a remembered position: the walk starts at its value (its ties after it are found by the search-after)
        org.apache.lucene.util.BytesRef from = after == null ? null : (org.apache.lucene.util.BytesRef) after.fields[0];
        if (after != null && from == null) {
            return null; // among the records without a value: one ordinary search-after
        }
        String field = fields[0].getField();
        boolean descending = fields[0].getReverse();
        Sort compared = compared(sort);
        List<org.apache.lucene.search.ScoreDoc> found = new ArrayList<>(hits);
        Query withoutValue = withoutValue(query, field);
        if (descending && from == null) {
            java.util.Collections.addAll(found, s.search(withoutValue, new TopFieldCollectorManager(compared, hits, null, hits)).scoreDocs);
        }
        List<org.apache.lucene.index.LeafReaderContext> leaves = s.getIndexReader().leaves();
        org.apache.lucene.index.SortedDocValues[] values = new org.apache.lucene.index.SortedDocValues[leaves.size()];
        int[] next = new int[leaves.size()]; // per segment, the ordinal of its next value in the sort's order
        for (int i = 0; i < values.length; i++) {
            values[i] = org.apache.lucene.index.DocValues.getSorted(leaves.get(i).reader(), field);
            if (from == null) {
                next[i] = descending ? values[i].getValueCount() - 1 : 0;
            } else { // the position's own value first
                int at = values[i].lookupTerm(from);
                next[i] = at >= 0 ? at : descending ? -at - 2 : -at - 1;
            }
        }
        int batch = Math.max(32, hits + hits / 2);
        java.util.Comparator<org.apache.lucene.util.BytesRef> order = descending
                ? java.util.Comparator.<org.apache.lucene.util.BytesRef>reverseOrder() : java.util.Comparator.<org.apache.lucene.util.BytesRef>naturalOrder();
        for (int batches = 0; found.size() < hits; batches++) {
            if (batches == VALUE_BATCHES) {
                return null;
            }
            // the next values over all segments: each of them is among the next `batch` values of its own segment
            java.util.TreeSet<org.apache.lucene.util.BytesRef> candidates = new java.util.TreeSet<>(order);
            for (int i = 0; i < values.length; i++) {
                for (int k = 0, ord = next[i]; k < batch && ord >= 0 && ord < values[i].getValueCount(); k++, ord += descending ? -1 : 1) {
                    candidates.add(org.apache.lucene.util.BytesRef.deepCopyOf(values[i].lookupOrd(ord)));
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            List<org.apache.lucene.util.BytesRef> taken = candidates.stream().limit(batch).toList();
            org.apache.lucene.util.BytesRef last = taken.get(taken.size() - 1);
            for (int i = 0; i < values.length; i++) {
                int at = values[i].lookupTerm(last); // its ordinal, or -(where it would be)-1
                next[i] = descending ? (at >= 0 ? at - 1 : -at - 2) : (at >= 0 ? at + 1 : -at - 1);
            }
            Query inBatch = new BooleanQuery.Builder().add(query, Occur.FILTER)
                    .add(new org.apache.lucene.search.TermInSetQuery(field, taken), Occur.FILTER).build();
            int wanted = hits - found.size();
            java.util.Collections.addAll(found, s.search(inBatch, new TopFieldCollectorManager(compared, wanted, after, wanted)).scoreDocs);
        }
        if (!descending && found.size() < hits) {
            int wanted = hits - found.size();
            java.util.Collections.addAll(found, s.search(withoutValue, new TopFieldCollectorManager(compared, wanted, after, wanted)).scoreDocs);
        }
        return gathered(found);
    }

    /**
     * A page sorted by a number (an amount, a count, a date): the matches holding the best values are found through
     * the field's points first — a range at the best end that the points estimate to hold a few pages of the query's
     * matches (by the query's share of the index), else a range bounded by the query's own first matches — and only
     * they are compared. Lucene's own skipping starts from the first matches in index order, newest first, whose
     * values are anywhere, and compares a large part of the matches before it can skip. NULL sorts above every value,
     * as the database sorts (first when descending). Null when the first key is another one, the query has fewer
     * matches with a value than the page, or the bounded range is most of the index (the plain search).
     */
    private static TopDocs byRange(IndexSearcher s, Query query, Sort sort, int hits) throws IOException {
        SortField first = sort.getSort()[0];
        if (first.getType() != SortField.Type.LONG || hits > VALUES_PAGE
                || first.getReverse() && INSERTION_ORDERED.contains(first.getField())) {
            // newest first is the index's own order, and the modification time mostly follows it: Lucene's skipping
            // stops soon after the page, where a range at the newest end would miss a rep's older records
            return null;
        }
        return inRange(s, query, sort, hits, first.getField());
    }

    /**
     * A page sorted by a free-text field (a name) for a selective query: as {@link #byRange}, through the points of
     * the values' first bytes ({@link ListFields#prefix}); the matches in the range are compared in full. Null when
     * the first key is not such a field or the range misses the page.
     */
    private static TopDocs byPrefix(IndexSearcher s, Query query, Sort sort, int hits) throws IOException {
        SortField first = sort.getSort()[0];
        if (hits > VALUES_PAGE || !first.getField().startsWith("f.")) {
            return null;
        }
        return inRange(s, query, sort, hits, ListFields.PREFIX + first.getField().substring(2));
    }

    /** {@link #byRange} over the long points of {@code pointField}, which order as the sort's first key. */
    private static TopDocs inRange(IndexSearcher s, Query query, Sort sort, int hits, String pointField) throws IOException {
        SortField first = sort.getSort()[0];
        String field = pointField;
        boolean descending = first.getReverse();
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        List<org.apache.lucene.index.PointValues> points = new ArrayList<>();
        for (org.apache.lucene.index.LeafReaderContext leaf : s.getIndexReader().leaves()) {
            org.apache.lucene.index.PointValues p = leaf.reader().getPointValues(field);
            if (p != null && p.size() > 0) {
                points.add(p);
                lowest = Math.min(lowest, LongPoint.decodeDimension(p.getMinPackedValue(), 0));
                highest = Math.max(highest, LongPoint.decodeDimension(p.getMaxPackedValue(), 0));
            }
        }
        long cost = cost(s, query);
        if (points.isEmpty() || cost == 0) {
            return null;
        }
        List<org.apache.lucene.search.ScoreDoc> found = new ArrayList<>(hits);
        Query withoutValue = withoutValue(query, first.getField());
        if (descending) { // NULL first: the records without a value, newest first
            java.util.Collections.addAll(found, s.search(withoutValue, new TopFieldCollectorManager(sort, hits, null, hits)).scoreDocs);
            if (found.size() == hits) {
                return gathered(found);
            }
        }
        int wanted = hits - found.size();
        double share = Math.min(1.0, (double) cost / Math.max(1, s.getIndexReader().maxDoc()));
        long narrowest = (long) Math.ceil(4 * wanted / share);
        long edge = edge(points, descending, narrowest);
        if (descending ? edge > lowest : edge < highest) {
            TopDocs top = s.search(within(query, field, descending, edge), new TopFieldCollectorManager(sort, wanted, null, wanted));
            if (top.scoreDocs.length == wanted) {
                java.util.Collections.addAll(found, top.scoreDocs);
                return gathered(found);
            }
        }
        // the query's matches gather elsewhere (a quick search on the sorted name itself, a rep's older records): a
        // bound from the query's own first matches holds the page for sure; taken when its range is not most of the
        // index, where comparing the matches (Lucene's own skipping) costs less than gathering the range
        Long sampled = sampledBound(s, query, field, descending, wanted);
        if (sampled == null) {
            return null;
        }
        long inRange = 0;
        for (org.apache.lucene.index.PointValues p : points) {
            inRange += p.estimatePointCount(new RangeEstimate(descending ? sampled : Long.MIN_VALUE, descending ? Long.MAX_VALUE : sampled));
        }
        if (inRange * 2 > s.getIndexReader().maxDoc()) {
            return null;
        }
        TopDocs top = s.search(within(query, field, descending, sampled), new TopFieldCollectorManager(sort, wanted, null, wanted));
        java.util.Collections.addAll(found, top.scoreDocs);
        return gathered(found);
    }

    private static Query within(Query query, String field, boolean descending, long edge) {
        return new BooleanQuery.Builder().add(query, Occur.FILTER)
                .add(descending ? LongPoint.newRangeQuery(field, edge, Long.MAX_VALUE) : LongPoint.newRangeQuery(field, Long.MIN_VALUE, edge),
                        Occur.FILTER).build();
    }

    /** How many of a query's first matches {@link #sampledBound} reads, per hit wanted (and at least a thousand). */
    private static final int SAMPLED_PER_HIT = 32;

    /**
     * The {@code wanted}-th best value of {@code field} (numeric doc values beside its points) among the query's
     * first matches in index order: at least {@code wanted} matches lie at it or better, so the page does. Null when
     * the query has fewer matches with a value.
     */
    private static Long sampledBound(IndexSearcher s, Query query, String field, boolean descending, int wanted) throws IOException {
        int budget = Math.max(1_024, SAMPLED_PER_HIT * wanted);
        java.util.PriorityQueue<Long> best = new java.util.PriorityQueue<>(wanted + 1,
                descending ? java.util.Comparator.<Long>naturalOrder() : java.util.Comparator.<Long>reverseOrder()); // worst on top
        org.apache.lucene.search.Weight weight = s.createWeight(s.rewrite(query), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (org.apache.lucene.index.LeafReaderContext leaf : s.getIndexReader().leaves()) {
            if (budget <= 0) {
                break;
            }
            org.apache.lucene.search.Scorer matches = weight.scorer(leaf);
            org.apache.lucene.index.NumericDocValues values = leaf.reader().getNumericDocValues(field);
            if (matches == null || values == null) {
                continue;
            }
            org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
            org.apache.lucene.search.DocIdSetIterator it = matches.iterator();
            for (int doc = it.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS && budget > 0; doc = it.nextDoc()) {
                if ((live == null || live.get(doc)) && values.advanceExact(doc)) {
                    budget--;
                    best.offer(values.longValue());
                    if (best.size() > wanted) {
                        best.poll();
                    }
                }
            }
        }
        return best.size() < wanted ? null : best.peek();
    }


    /**
     * A value from which the best end of the field holds at least {@code target} points: per segment, the bound of the
     * leaf that holds its share of them (one descent of its points' tree, by the subtrees' sizes), the loosest of those
     * bounds over the segments. A segment's points tree splits by value, so its lower subtree holds the lower values.
     */
    private static long edge(List<org.apache.lucene.index.PointValues> points, boolean descending, long target) throws IOException {
        long total = 0;
        for (org.apache.lucene.index.PointValues p : points) {
            total += p.size();
        }
        // a small segment is one leaf or a few, whose bound is its own best or worst value: its share would widen the
        // range to nearly everything. The range is only an estimate (the search checks that it holds the page), so
        // the large segments decide it, unless there are none
        long largest = points.stream().mapToLong(org.apache.lucene.index.PointValues::size).max().orElse(0);
        long edge = descending ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (org.apache.lucene.index.PointValues p : points) {
            if (p.size() * SMALL_SEGMENT < total && largest * SMALL_SEGMENT >= total) {
                continue;
            }
            long share = Math.max(1, (long) Math.ceil((double) target * p.size() / total));
            long bound = bound(p.getPointTree(), share, descending);
            edge = descending ? Math.min(edge, bound) : Math.max(edge, bound);
        }
        return edge;
    }

    /** A segment with less than 1/n of the points does not decide {@link #edge}. */
    private static final int SMALL_SEGMENT = 64;

    /** The bound (towards the worse end) of the leaf that holds the {@code k}-th best point of one segment. */
    private static long bound(org.apache.lucene.index.PointValues.PointTree tree, long k, boolean descending) throws IOException {
        long before = 0; // points on the better side of the current node
        long size = tree.size();
        while (k < size && tree.moveToChild()) { // now at the lower child
            long lower = tree.size();
            long upper = size - lower;
            if (descending) {
                if (before + upper >= k) {
                    tree.moveToSibling();
                    size = upper;
                } else {
                    before += upper;
                    size = lower;
                }
            } else if (before + lower >= k) {
                size = lower;
            } else {
                before += lower;
                tree.moveToSibling();
                size = upper;
            }
        }
        return LongPoint.decodeDimension(descending ? tree.getMinPackedValue() : tree.getMaxPackedValue(), 0);
    }

    /** What {@link org.apache.lucene.index.PointValues#estimatePointCount} needs for a range of one long dimension. */
    private record RangeEstimate(long from, long to) implements org.apache.lucene.index.PointValues.IntersectVisitor {
        @Override
        public void visit(int docID) {
        }

        @Override
        public void visit(int docID, byte[] packedValue) {
        }

        @Override
        public org.apache.lucene.index.PointValues.Relation compare(byte[] minPackedValue, byte[] maxPackedValue) {
            long min = LongPoint.decodeDimension(minPackedValue, 0);
            long max = LongPoint.decodeDimension(maxPackedValue, 0);
            if (max < from || min > to) {
                return org.apache.lucene.index.PointValues.Relation.CELL_OUTSIDE_QUERY;
            }
            return min >= from && max <= to ? org.apache.lucene.index.PointValues.Relation.CELL_INSIDE_QUERY
                    : org.apache.lucene.index.PointValues.Relation.CELL_CROSSES_QUERY;
        }
    }

    /** The matches of {@code query} without a value in the list field {@code field} (its records sorting as NULL). */
    private static Query withoutValue(Query query, String field) {
        return new BooleanQuery.Builder().add(query, Occur.FILTER).add(withoutValue(field), Occur.FILTER).build();
    }

    /** The records without a value in the list field {@code field} in the index (NULL, or too long to keep). */
    private static Query withoutValue(String field) {
        return new TermQuery(new Term(ListFields.HAS, ListFields.NONE + field.substring(field.indexOf('.') + 1)));
    }

    /** A page gathered from several searches: its hit count is only that of the page. */
    private static TopDocs gathered(List<org.apache.lucene.search.ScoreDoc> found) {
        return new TopDocs(new TotalHits(found.size(), TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
                found.toArray(org.apache.lucene.search.ScoreDoc[]::new));
    }

    /** Fields whose values grow with insertion, i.e. against the index's newest-first order. */
    private static final Set<String> INSERTION_ORDERED = Set.of("n.createdAt", "n.modifiedAt");

    /**
     * A page in ascending order of a field that grows with insertion (oldest first): in newest-first segments its
     * best documents come last, so each one would displace the page found so far. Instead a bound is found below
     * which at least a page of matches lies — from the end of each segment, where the oldest documents are — and the
     * page is searched among the matches up to that bound only (every match above it sorts after the page, so the
     * page is the same). The bound comes from the matches' own values, so documents of other types or outside the
     * query never widen it; a field that only tends to grow with insertion (the modification time) gives a looser
     * bound, never a wrong page. Null when the first key is another one, or there are fewer matches with a value
     * than the page (the plain search: NULLs come last).
     */
    private static TopDocs oldestFirst(IndexSearcher s, Query query, Sort sort, int hits) throws IOException {
        SortField first = sort.getSort()[0];
        if (first.getReverse() || first.getType() != SortField.Type.LONG || !INSERTION_ORDERED.contains(first.getField())) {
            return null;
        }
        String field = first.getField();
        org.apache.lucene.search.Weight weight = s.createWeight(s.rewrite(query), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<org.apache.lucene.index.LeafReaderContext> leaves = s.getIndexReader().leaves();
        for (long tail = Math.max(64, 8L * hits); ; tail *= 8) {
            // the `hits` lowest values among the matches at the end of every segment (a max-heap of them)
            java.util.PriorityQueue<Long> lowest = new java.util.PriorityQueue<>(hits + 1, java.util.Comparator.reverseOrder());
            boolean everything = true;
            for (org.apache.lucene.index.LeafReaderContext leaf : leaves) {
                int maxDoc = leaf.reader().maxDoc();
                int from = (int) Math.max(0, maxDoc - tail);
                everything &= from == 0;
                org.apache.lucene.search.Scorer matches = weight.scorer(leaf);
                org.apache.lucene.index.NumericDocValues values = leaf.reader().getNumericDocValues(field);
                if (matches == null || values == null || from >= maxDoc) {
                    continue;
                }
                org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
                org.apache.lucene.search.DocIdSetIterator it = matches.iterator();
                for (int doc = it.advance(from); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if ((live == null || live.get(doc)) && values.advanceExact(doc)) {
                        lowest.offer(values.longValue());
                        if (lowest.size() > hits) {
                            lowest.poll();
                        }
                    }
                }
            }
            if (lowest.size() == hits) {
                Query within = new BooleanQuery.Builder().add(query, Occur.FILTER)
                        .add(LongPoint.newRangeQuery(field, Long.MIN_VALUE, lowest.peek()), Occur.FILTER).build();
                return s.search(within, new TopFieldCollectorManager(sort, hits, null, hits));
            }
            if (everything) {
                return null;
            }
        }
    }

    /** A field with at most this many distinct values is sorted value by value ({@link #byValue}). */
    static final int FEW_VALUES = 1_024;
    /** {@link #FEW_VALUES}, lower in tests so that both ways of sorting by text are tried on a small index. */
    int fewValues = FEW_VALUES;
    /** How many values {@link #byValue} searches before it leaves the page to one search over every match. */
    static final int GROUPS_SEARCHED = 32;
    /** The same for a selective query (see {@link #matchesFew}): its matches are compared beyond that. */
    static final int FEW_GROUPS_SEARCHED = 4;

    /**
     * A page sorted by a text field with few distinct values (a picklist, an owner, a city), ties newest first:
     * every record of the first value ties on it, and comparing each of them — a hundred thousand at a million
     * records — is most of the cost. Instead the values are taken in the sort's order (NULL above every value, as the
     * database sorts) and each value's records are searched in the index's own order, newest first, which is the
     * order of the ties: Lucene stops a segment after the page, and the next value is only searched when the page is
     * not full yet. Null when the sort is another one or the field has many values.
     */
    private static TopDocs byValue(IndexSearcher s, Query query, Sort sort, int hits, int fewValues, int groupsSearched) throws IOException {
        SortField[] fields = sort.getSort();
        SortField[] newest = NEWEST_FIRST.getSort();
        if (fields.length != newest.length + 1 || fields[0].getType() != SortField.Type.STRING
                || !java.util.Arrays.equals(fields, 1, fields.length, newest, 0, newest.length)) {
            return null;
        }
        String field = fields[0].getField();
        for (org.apache.lucene.index.LeafReaderContext leaf : s.getIndexReader().leaves()) {
            org.apache.lucene.index.Terms inLeaf = leaf.reader().terms(field);
            if (inLeaf != null && inLeaf.size() > fewValues) {
                return null; // many values (a name): known from one segment's statistics, no term read
            }
        }
        org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(s.getIndexReader(), field);
        List<org.apache.lucene.util.BytesRef> values = new ArrayList<>();
        if (terms != null) {
            org.apache.lucene.index.TermsEnum each = terms.iterator();
            for (org.apache.lucene.util.BytesRef v = each.next(); v != null; v = each.next()) {
                if (values.size() == fewValues) {
                    return null;
                }
                values.add(org.apache.lucene.util.BytesRef.deepCopyOf(v));
            }
        }
        boolean descending = fields[0].getReverse();
        // NULL sorts above every value, as the database sorts: after the values ascending, before them descending;
        // the index keeps no value too long for it either, and such records sort as NULL here too. A query that
        // itself requires some of the values (a rep's own records, by owner) has matches in those groups only.
        Set<org.apache.lucene.util.BytesRef> required = requiredValues(query, field);
        List<org.apache.lucene.util.BytesRef> groups = new ArrayList<>(values.size() + 1);
        for (org.apache.lucene.util.BytesRef v : values) {
            if (required == null || required.contains(v)) {
                groups.add(v);
            }
        }
        if (required == null) {
            groups.add(null);
        }
        if (descending) {
            java.util.Collections.reverse(groups);
        }
        Query withoutValue = withoutValue(field);
        List<org.apache.lucene.search.ScoreDoc> found = new ArrayList<>(hits);
        int searched = 0;
        for (org.apache.lucene.util.BytesRef value : groups) {
            int wanted = hits - found.size();
            if (wanted == 0) {
                break;
            }
            if (++searched > groupsSearched) {
                return null; // matches spread thinly over many values: one search comparing them all is cheaper
            }
            Query group = new BooleanQuery.Builder().add(query, Occur.FILTER)
                    .add(value == null ? withoutValue : new TermQuery(new Term(field, value)), Occur.FILTER)
                    .build();
            java.util.Collections.addAll(found, s.search(group, new TopFieldCollectorManager(NEWEST_FIRST, wanted, null, wanted)).scoreDocs);
        }
        return gathered(found);
    }

    /**
     * The values of {@code field} that every match of {@code query} holds one of (from its term clauses that must
     * match, and the alternatives of a disjunction when each of them names such values); null when it requires none.
     */
    static Set<org.apache.lucene.util.BytesRef> requiredValues(Query query, String field) {
        if (query instanceof TermQuery t) {
            return t.getTerm().field().equals(field) ? Set.of(t.getTerm().bytes()) : null;
        }
        if (query instanceof org.apache.lucene.search.TermInSetQuery in) {
            if (!in.getField().equals(field)) {
                return null;
            }
            Set<org.apache.lucene.util.BytesRef> terms = new HashSet<>();
            org.apache.lucene.index.PrefixCodedTerms.TermIterator each = in.getTermData().iterator();
            for (org.apache.lucene.util.BytesRef term = each.next(); term != null; term = each.next()) {
                terms.add(org.apache.lucene.util.BytesRef.deepCopyOf(term));
            }
            return terms;
        }
        if (!(query instanceof BooleanQuery b)) {
            return null;
        }
        Set<org.apache.lucene.util.BytesRef> required = null;
        Set<org.apache.lucene.util.BytesRef> anyOf = new HashSet<>();
        boolean eachAlternativeNames = true;
        int alternatives = 0;
        for (org.apache.lucene.search.BooleanClause c : b.clauses()) {
            Set<org.apache.lucene.util.BytesRef> named = c.getOccur() == Occur.MUST_NOT ? null : requiredValues(c.getQuery(), field);
            if (c.getOccur() == Occur.FILTER || c.getOccur() == Occur.MUST) {
                if (named != null) {
                    if (required == null) {
                        required = new HashSet<>(named);
                    } else {
                        required.retainAll(named);
                    }
                }
            } else if (c.getOccur() == Occur.SHOULD) {
                alternatives++;
                if (named == null) {
                    eachAlternativeNames = false;
                } else {
                    anyOf.addAll(named);
                }
            }
        }
        // the alternatives bind when one of them must match: alone in the query, or asked for by a minimum
        boolean alternativesBind = b.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD) || b.getMinimumNumberShouldMatch() > 0;
        if (alternatives > 0 && eachAlternativeNames && alternativesBind) {
            if (required == null) {
                required = anyOf;
            } else {
                required.retainAll(anyOf);
            }
        }
        return required;
    }

    /**
     * The records' ids of a page: every list sort has the id among its keys (the tie-break, see
     * {@link ListFields#sort}), so a hit carries its id among its sort values, and no stored document has to be read
     * and decompressed for it.
     */
    private static List<String> ids(IndexSearcher s, TopDocs top, Sort sorted, int skip) throws IOException {
        int idKey = -1;
        SortField[] keys = sorted.getSort();
        for (int k = 0; k < keys.length; k++) {
            if (ListFields.ID_DESCENDING.getField().equals(keys[k].getField())) {
                idKey = k;
            }
        }
        StoredFields stored = null;
        List<String> ids = new ArrayList<>(Math.max(0, top.scoreDocs.length - skip));
        for (int i = skip; i < top.scoreDocs.length; i++) {
            org.apache.lucene.search.ScoreDoc hit = top.scoreDocs[i];
            if (idKey >= 0 && hit instanceof FieldDoc f && f.fields != null && f.fields.length > idKey
                    && f.fields[idKey] instanceof org.apache.lucene.util.BytesRef id) {
                ids.add(id.utf8ToString());
                continue;
            }
            if (stored == null) {
                stored = s.storedFields();
            }
            ids.add(stored.document(hit.doc, Set.of("id")).get("id"));
        }
        return ids;
    }

    private void remember(String key, long stamp, int offset, int skip, int hits, TopDocs top) {
        if (skip > 0 && top.scoreDocs.length >= skip) {
            cursors.remember(key, stamp, offset - 1, (FieldDoc) top.scoreDocs[skip - 1]);
        }
        if (top.scoreDocs.length == hits) {
            cursors.remember(key, stamp, offset - skip + hits - 1, (FieldDoc) top.scoreDocs[hits - 1]);
        }
    }

    /**
     * Remembered positions of recent list queries: hit number → the sort values of that hit, for Lucene's
     * search-after. The values end with the record id, so a position names one record whatever else changed; but a
     * write before it moves every later offset, so positions hold only while the entity's index version
     * ({@code stamp}) is the one they were seen under.
     */
    static final class Cursors {
        private static final int QUERIES = 256;
        private static final int POSITIONS = 64;
        private final Map<String, Positions> byQuery = new java.util.LinkedHashMap<>(QUERIES, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Positions> eldest) {
                return size() > QUERIES;
            }
        };

        private record Positions(long stamp, java.util.TreeMap<Integer, FieldDoc> at) {
        }

        synchronized Map.Entry<Integer, FieldDoc> before(String key, long stamp, int offset) {
            Positions p = byQuery.get(key);
            return p == null || p.stamp() != stamp ? null : p.at().floorEntry(offset - 1);
        }

        synchronized void remember(String key, long stamp, int position, FieldDoc doc) {
            Positions p = byQuery.get(key);
            if (p == null || p.stamp() != stamp) {
                p = new Positions(stamp, new java.util.TreeMap<>());
                byQuery.put(key, p);
            }
            p.at().put(position, doc);
            if (p.at().size() > POSITIONS) {
                p.at().pollFirstEntry();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close(); // commits what is pending
        } finally {
            directory.close();
        }
    }
}

package org.atriumcrm.search.internal;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The matches of a query counted up to a limit: a list's bounded total ("more than 10,000") needs no more, and
 * Lucene's own counting either walks every match or is folded into the page's collector, where it keeps the sort
 * from skipping documents until the limit is reached. The matches are walked here rather than through a collector
 * that stops with Lucene's {@code CollectionTerminatedException}: an exception per search, each with its stack
 * filled, and the JIT deoptimising the throwing loop, cost more than the counting.
 */
final class BoundedCount {
    private BoundedCount() {
    }

    /** The number of matches, or {@code limit} when there are at least that many. */
    static long count(IndexSearcher searcher, Query query, long limit) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        long counted = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (counted >= limit) {
                break;
            }
            int known = weight.count(leaf); // from the segment's statistics where the query allows it
            if (known >= 0) {
                counted += known;
                continue;
            }
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator matches = scorer.iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && counted < limit; doc = matches.nextDoc()) {
                if (live == null || live.get(doc)) {
                    counted++;
                }
            }
        }
        return Math.min(counted, limit);
    }
}

package org.atriumcrm.search.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * A {@code like} with a leading wildcard, answered without walking the field's terms: the candidates come from
 * {@code approximation} (the grams of the pattern's literal runs, which every matching value holds), and each
 * candidate's value — the sorted doc value of {@code f.<field>}, lower-cased as the database compares — is then
 * matched against the pattern. Lucene's {@link WildcardQuery} would intersect the pattern with every distinct value
 * of the field first (tens of milliseconds at a million names, on every request); Lucene has no query that checks
 * doc values against an automaton behind an approximation, hence this one.
 */
final class ValuePatternQuery extends Query {
    private final Query approximation;
    private final String field;
    /** The pattern as a Lucene wildcard on the lower-cased value ({@link ListFields#wildcard}). */
    private final String wildcard;
    private final CharacterRunAutomaton matcher;

    ValuePatternQuery(Query approximation, String field, String wildcard) {
        this.approximation = approximation;
        this.field = field;
        this.wildcard = wildcard;
        this.matcher = new CharacterRunAutomaton(Operations.determinize(
                WildcardQuery.toAutomaton(new Term(field, wildcard)), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = approximation.rewrite(searcher);
        return rewritten == approximation ? this : new ValuePatternQuery(rewritten, field, wildcard);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight candidates = approximation.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Scorer inner = candidates.scorer(context);
                if (inner == null) {
                    return null;
                }
                SortedDocValues values = DocValues.getSorted(context.reader(), field);
                DocIdSetIterator approximate = inner.iterator();
                TwoPhaseIterator check = new TwoPhaseIterator(approximate) {
                    @Override
                    public boolean matches() throws IOException {
                        if (!values.advanceExact(approximate.docID())) {
                            return false;
                        }
                        BytesRef value = values.lookupOrd(values.ordValue());
                        return matcher.run(value.utf8ToString().toLowerCase(Locale.ROOT));
                    }

                    @Override
                    public float matchCost() {
                        return 100; // a doc-value lookup, a decode and an automaton run per candidate
                    }
                };
                return new ConstantScoreScorer(this, score(), scoreMode, check);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return DocValues.isCacheable(context, field) && candidates.isCacheable(context);
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            approximation.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.FILTER, this));
        }
    }

    @Override
    public String toString(String defaultField) {
        return field + " like " + wildcard + " within " + approximation.toString(defaultField);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((ValuePatternQuery) other).field)
                && wildcard.equals(((ValuePatternQuery) other).wildcard)
                && approximation.equals(((ValuePatternQuery) other).approximation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, wildcard, approximation);
    }
}

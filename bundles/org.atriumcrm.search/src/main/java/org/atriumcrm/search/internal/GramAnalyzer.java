package org.atriumcrm.search.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Cuts text into its 2- and 3-character grams (code points, spaces included). A quick search is a "contains"
 * search: every text containing {@code q} contains all of {@code q}'s grams, so looking the grams up gives a
 * superset of the matches without scanning, for Latin and Chinese alike (Chinese has no spaces to cut words at, and
 * a two-character name like 华为 is the most common search there is).
 */
final class GramAnalyzer extends Analyzer {
    static final int MIN = 2;
    static final int MAX = 3;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new NGramTokenizer(MIN, MAX));
    }

    /** The lower-case form both the index and the lookup use (the store compares {@code LOWER(field)}). */
    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * The grams to look up for {@code text}: its 3-grams, or the text itself when it is two characters long;
     * empty for a single character (every record with that letter: not worth an index).
     */
    Set<String> lookupGrams(String text) {
        String t = normalize(text);
        int length = t.codePointCount(0, t.length());
        Set<String> grams = new LinkedHashSet<>();
        if (length < MIN) {
            return grams;
        }
        int wanted = Math.min(length, MAX);
        try (TokenStream ts = tokenStream("t", new StringReader(t))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String g = term.toString();
                if (g.codePointCount(0, g.length()) == wanted) {
                    grams.add(g);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return grams;
    }

}

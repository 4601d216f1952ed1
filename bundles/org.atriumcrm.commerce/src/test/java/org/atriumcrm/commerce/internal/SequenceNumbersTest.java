package org.atriumcrm.commerce.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.api.error.AtriumException;
import org.junit.Test;

/** Document numbers from Derby sequences: distinct under threads released together, on a series nobody used before. */
public class SequenceNumbersTest {
    private static final String URL = "jdbc:derby:memory:docnumbers;create=true";

    @Test
    public void sixteenThreadsReleasedTogetherOnAFreshSeriesGetDistinctNumbers() throws Exception {
        SequenceNumbers numbers = new SequenceNumbers();
        int threads = 16;
        int each = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(URL)) {
                    c.setAutoCommit(false);
                    start.await();
                    int added = 0;
                    for (int i = 0; i < each; i++) {
                        if (seen.add(numbers.next(c, "QUO", 2026))) {
                            added++;
                        }
                        c.commit();
                    }
                    return added;
                }
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals("every number handed out once", threads * each, total);
        assertEquals(threads * each, seen.size());
        for (String n : seen) {
            assertTrue(n, n.matches("QUO-2026-\\d{6}"));
        }
        assertTrue(seen.contains("QUO-2026-000001"));
    }

    @Test
    public void aNewYearStartsAgainAtOneAndSeriesAreApart() throws Exception {
        SequenceNumbers numbers = new SequenceNumbers();
        try (Connection c = DriverManager.getConnection(URL)) {
            assertEquals("SO-2030-000001", numbers.next(c, "SO", 2030));
            assertEquals("SO-2030-000002", numbers.next(c, "SO", 2030));
            assertEquals("SO-2031-000001", numbers.next(c, "SO", 2031));
            assertEquals("INV-2030-000001", new SequenceNumbers().next(c, "INV", 2030));
        }
    }

    @Test(expected = AtriumException.class)
    public void aSeriesIsNeverSqlText() throws Exception {
        try (Connection c = DriverManager.getConnection(URL)) {
            new SequenceNumbers().next(c, "X; DROP TABLE Y", 2026);
        }
    }
}

package org.atriumcrm.persistence.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;

import org.junit.Test;

public class RecordIdsTest {
    @Test
    public void idsMadeOneAfterTheOtherSortInThatOrderAlsoWithinOneMillisecond() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // far more than one millisecond holds: the counter and the borrowing
            ids.add(RecordIds.next());
        }
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1) + " then " + ids.get(i), ids.get(i - 1).compareTo(ids.get(i)) < 0);
        }
        UUID id = UUID.fromString(ids.get(0));
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertTrue(Math.abs((id.getMostSignificantBits() >>> 16) - System.currentTimeMillis()) < 60_000);
    }

    @Test
    public void sixteenThreadsAtOnceNeverGetTheSameId() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CyclicBarrier start = new CyclicBarrier(16);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < 5_000; i++) {
                    seen.add(RecordIds.next());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(16 * 5_000, seen.size());
    }
}

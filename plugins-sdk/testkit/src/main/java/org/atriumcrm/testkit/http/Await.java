package org.atriumcrm.testkit.http;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bounded polling for what a running platform does asynchronously (endpoints appearing after the boot, outboxes,
 * scanners, indexes). Every wait has a deadline and fails with the last thing it saw, never with a bare timeout.
 */
public final class Await {
    private static final Duration PAUSE = Duration.ofMillis(200);

    private Await() {
    }

    /**
     * Calls {@code attempt} until {@code done} accepts its result and returns that result. An attempt that throws (the
     * server not listening yet) counts as not done. Fails after {@code timeout} with {@code what} and the last result.
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> attempt, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = "no answer";
        while (true) {
            try {
                T result = attempt.get();
                if (done.test(result)) {
                    return result;
                }
                last = result;
            } catch (AssertionError | RuntimeException notYet) {
                last = notYet;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not within " + timeout + ": " + last);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Polls {@code path} as {@code api} until it answers 200 with JSON that {@code done} accepts and returns that JSON.
     */
    public static JsonNode awaitJson(Api api, String path, Predicate<JsonNode> done, Duration timeout) {
        return until(path + " to get there", timeout, () -> api.get(path),
                a -> a.status == 200 && done.test(a.json())).json();
    }
}

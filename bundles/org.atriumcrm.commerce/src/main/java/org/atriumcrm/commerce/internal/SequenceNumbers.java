package org.atriumcrm.commerce.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.atriumcrm.api.error.AtriumException;

/**
 * Document numbers from one database SEQUENCE per series and year ({@code ATRIUM_NO_QUO_2026}), created the first
 * time it is asked for. A sequence hands out each value once whatever the concurrency and without a row every
 * caller locks (a counter row would serialise every document of a series, and its optimistic lock would turn
 * concurrency into failures); a value taken by a transaction that then fails is simply a gap. One sequence per
 * year makes the count restart in January without anyone resetting it.
 */
final class SequenceNumbers {
    static final Pattern SERIES = Pattern.compile("[A-Z][A-Z0-9]{0,9}");
    /** Derby: the sequence exists already (someone created it between our check and our CREATE). */
    private static final String DERBY_EXISTS = "X0Y68";
    /** Derby: no such sequence (a series or year not used before). */
    private static final String DERBY_NO_SUCH_OBJECT = "42X94";
    /** Derby: "too much contention on sequence". */
    private static final String DERBY_CONTENTION = "X0Y84";
    /**
     * Derby: a lock not granted (in the reactor build's 16-thread test, twice in a row, instead of X0Y84 while another
     * transaction held the new sequence's catalog row). Derby rolls the transaction back with it; a number is taken in
     * a transaction of its own ({@link DocumentNumbersService}), so trying again loses nothing.
     */
    private static final String DERBY_LOCK_NOT_GRANTED = "40XL1";
    /** How long a number waits for a sequence another transaction holds before the caller gets Derby's refusal. */
    private static final long CONTENTION_PATIENCE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    static String sequenceName(String series, int year) {
        return "ATRIUM_NO_" + series + "_" + year;
    }

    static String format(String series, int year, long value) {
        return String.format(Locale.ROOT, "%s-%d-%06d", series, year, value);
    }

    static void checkSeries(String series) {
        if (series == null || !SERIES.matcher(series).matches()) {
            throw AtriumException.invalid("series", "number-series", "a series is 1-10 upper-case letters and digits, starting with a letter (QUO, SO)");
        }
    }

    /** The next number of {@code series} in {@code year}, on {@code connection} (its transaction is the caller's). */
    String next(Connection connection, String series, int year) throws SQLException {
        checkSeries(series);
        String name = sequenceName(series, year);
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        if (postgres && !created.contains(name)) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE SEQUENCE IF NOT EXISTS " + name + " START WITH 1");
            }
            created.add(name);
        }
        String sql = postgres ? "SELECT nextval('" + name.toLowerCase(Locale.ROOT) + "')" : "VALUES (NEXT VALUE FOR " + name + ")";
        long giveUpAt = System.nanoTime() + CONTENTION_PATIENCE_NANOS;
        for (int attempt = 1;; attempt++) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                created.add(name);
                return format(series, year, rs.getLong(1));
            } catch (SQLException e) {
                if (!postgres && DERBY_NO_SUCH_OBJECT.equals(e.getSQLState()) && attempt == 1) {
                    // a new series or year: made here, in the caller's transaction (Derby undoes only the failed
                    // statement); a racing transaction making it too waits for ours and finds it made
                    createDerby(connection, name);
                } else if (!postgres && (DERBY_CONTENTION.equals(e.getSQLState()) || DERBY_LOCK_NOT_GRANTED.equals(e.getSQLState()))
                        && System.nanoTime() < giveUpAt) {
                    // Derby refuses at once when another transaction holds the sequence's catalog row: while it
                    // allocates the next range of values (a moment), or while the transaction that made a new series
                    // is still open (as long as that transaction: a document's, so patience in seconds, not in tries;
                    // twenty tries, under a second, were too few for 16 threads on a loaded machine)
                    sleep(attempt);
                } else {
                    throw e;
                }
            }
        }
    }

    private static void createDerby(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SEQUENCE " + name + " AS BIGINT START WITH 1");
        } catch (SQLException e) {
            if (!DERBY_EXISTS.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static void sleep(int attempt) throws SQLException {
        try {
            Thread.sleep(Math.min(50L, 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a document number", e);
        }
    }
}

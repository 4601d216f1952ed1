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
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    static String sequenceName(String series, int year) {
        return "ATRIUM_NO_" + series + "_" + year;
    }

    static String format(String series, int year, long value) {
        return String.format(Locale.ROOT, "%s-%d-%06d", series, year, value);
    }

    static void checkSeries(String series) {
        if (series == null || !SERIES.matcher(series).matches()) {
            throw AtriumException.invalidField("series", "a series is 1-10 upper-case letters and digits, starting with a letter (QUO, SO)");
        }
    }

    /** The next number of {@code series} in {@code year}, on {@code connection} (its transaction is the caller's). */
    String next(Connection connection, String series, int year) throws SQLException {
        checkSeries(series);
        String name = sequenceName(series, year);
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        if (!created.contains(name)) {
            create(connection, name, postgres);
            created.add(name);
        }
        String sql = postgres ? "SELECT nextval('" + name.toLowerCase(Locale.ROOT) + "')" : "VALUES (NEXT VALUE FOR " + name + ")";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return format(series, year, rs.getLong(1));
        }
    }

    private static void create(Connection connection, String name, boolean postgres) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (postgres) {
                s.execute("CREATE SEQUENCE IF NOT EXISTS " + name + " START WITH 1");
            } else if (!derbySequenceExists(connection, name)) {
                s.execute("CREATE SEQUENCE " + name + " AS BIGINT START WITH 1");
            }
        } catch (SQLException e) {
            if (!DERBY_EXISTS.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static boolean derbySequenceExists(Connection connection, String name) throws SQLException {
        try (java.sql.PreparedStatement p = connection.prepareStatement(
                "SELECT 1 FROM SYS.SYSSEQUENCES q JOIN SYS.SYSSCHEMAS s ON q.SCHEMAID = s.SCHEMAID"
                        + " WHERE q.SEQUENCENAME = ? AND s.SCHEMANAME = CURRENT SCHEMA")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }
}

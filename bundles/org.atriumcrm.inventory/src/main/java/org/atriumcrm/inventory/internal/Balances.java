package org.atriumcrm.inventory.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.EntityManager;

import org.atriumcrm.persistence.api.RecordIds;

/**
 * The balance row of a product in a warehouse, changed on the connection of the caller's transaction with one
 * conditional UPDATE: the database decides, under its row lock, whether the quantity is there, so that concurrent
 * deliveries of the last units never oversell and no update is lost. A missing row is inserted first; of two
 * transactions inserting it at once, the loser's insert is undone to a savepoint (PostgreSQL aborts the whole
 * transaction on a failed statement otherwise) and it updates the winner's row.
 */
final class Balances {
    private static final String TABLE = "ATRIUM_STOCK_BALANCE";

    /** The balance after a change: its row id and the new quantity on hand. */
    record After(String balanceId, BigDecimal onHand) {
    }

    /** Not enough on hand for a movement that may not take the balance below 0. */
    static final class Short extends Exception {
        private static final long serialVersionUID = 1L;
        final BigDecimal onHand;

        Short(BigDecimal onHand) {
            super(null, null, false, false);
            this.onHand = onHand;
        }
    }

    private Balances() {
    }

    static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("stock can only be booked inside an active transaction");
        }
        return c;
    }

    /**
     * Adds {@code quantity} (signed) to the balance; when {@code mayGoNegative} is false and the quantity is negative,
     * only if at least its absolute value is on hand ({@link Short} otherwise, nothing changed).
     */
    static After change(Connection c, String productId, String warehouseId, BigDecimal quantity, boolean mayGoNegative,
            Instant now, String userId) throws SQLException, Short {
        boolean guarded = quantity.signum() < 0 && !mayGoNegative;
        String sql = "UPDATE " + TABLE + " SET ON_HAND = ON_HAND + ?, VERSION = VERSION + 1, MODIFIED_AT = ?, MODIFIED_BY = ?,"
                + " LAST_MOVEMENT_AT = ? WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ?" + (guarded ? " AND ON_HAND >= ?" : "");
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated;
            try (PreparedStatement update = c.prepareStatement(sql)) {
                update.setBigDecimal(1, quantity);
                update.setTimestamp(2, Timestamp.from(now));
                update.setString(3, userId);
                update.setTimestamp(4, Timestamp.from(now));
                update.setString(5, productId);
                update.setString(6, warehouseId);
                if (guarded) {
                    update.setBigDecimal(7, quantity.negate());
                }
                updated = update.executeUpdate();
            }
            After current = read(c, productId, warehouseId);
            if (updated == 1) {
                return current;
            }
            if (current != null) {
                throw new Short(current.onHand());
            }
            insertIfMissing(c, productId, warehouseId, now, userId);
        }
        throw new IllegalStateException("the balance of " + productId + " in " + warehouseId + " could not be created");
    }

    /** The balance row, or null when nothing was ever booked on the pair. */
    static After read(Connection c, String productId, String warehouseId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT ID, ON_HAND FROM " + TABLE + " WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ?")) {
            select.setString(1, productId);
            select.setString(2, warehouseId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new After(rs.getString(1), rs.getBigDecimal(2)) : null;
            }
        }
    }

    private static void insertIfMissing(Connection c, String productId, String warehouseId, Instant now, String userId)
            throws SQLException {
        Savepoint before = c.setSavepoint();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (ID, OWNER_ID, CREATED_AT, CREATED_BY,"
                + " MODIFIED_AT, MODIFIED_BY, VERSION, PRODUCT_ID, WAREHOUSE_ID, ON_HAND) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 0)")) {
            insert.setString(1, RecordIds.next());
            insert.setString(2, userId);
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setString(4, userId);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setString(6, userId);
            insert.setString(7, productId);
            insert.setString(8, warehouseId);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            c.rollback(before); // another transaction created the row meanwhile: update that one
            return;
        }
        c.releaseSavepoint(before);
    }
}

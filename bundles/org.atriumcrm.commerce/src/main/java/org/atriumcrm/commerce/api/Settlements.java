package org.atriumcrm.commerce.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.persistence.EntityManager;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.RecordChangeRow;

/**
 * The one conditional UPDATE behind {@link OpenItems#settle} for a document table with {@code NUMBER}-like,
 * {@code CURRENCY}, {@code STATUS}, {@code GRAND_TOTAL} and {@code PAID_AMOUNT} columns: the settled amount moves by
 * the delta only while it stays within 0 and the total and the document is in a payable status, the version is bumped
 * (a concurrent edit of the document then fails as such instead of overwriting it), the status follows the amount
 * when the document has paid / partly-paid statuses, and the history records it — all on the caller's
 * EntityManager, in the payment's transaction. Runs as native SQL because the payment's persistence unit does not
 * map the document's entity.
 *
 * @since 1.2
 */
public final class Settlements {

    /** The names of a document table; constants of the owning module, never input. */
    public record Table(String name, String entity, String numberColumn, Collection<String> payableStatuses,
            String partlyPaidStatus, String paidStatus, String settledStatusWhenNone) {
    }

    /** The document's figures after the change, at its currency's scale. */
    public record Figures(String number, String currency, BigDecimal total, BigDecimal settled, String status) {
    }

    private Settlements() {
    }

    public static Figures settle(EntityManager em, Table t, String id, BigDecimal delta, Caller caller) {
        Figures before = read(em, t, id);
        if (before == null) {
            throw AtriumException.notFound("no " + t.entity() + " with id " + id);
        }
        // a refund may also reopen a document paid in full
        List<String> payable = new ArrayList<>(t.payableStatuses());
        if (delta.signum() < 0 && t.paidStatus() != null) {
            payable.add(t.paidStatus());
        }
        if (!payable.contains(before.status())) {
            throw AtriumException.conflict("not-payable", t.entity() + " " + before.number() + " is " + before.status()
                    + ": it takes payments only when " + String.join(" or ", t.payableStatuses()))
                    .localized("not-payable", t.entity(), before.number(), before.status(), List.copyOf(t.payableStatuses()));
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(t.name()).append(" SET PAID_AMOUNT = COALESCE(PAID_AMOUNT, 0) + ?1, VERSION = VERSION + 1");
        if (t.paidStatus() != null) {
            sql.append(", STATUS = CASE WHEN COALESCE(PAID_AMOUNT, 0) + ?1 >= GRAND_TOTAL THEN '").append(t.paidStatus())
                    .append("' WHEN COALESCE(PAID_AMOUNT, 0) + ?1 > 0 THEN '").append(t.partlyPaidStatus())
                    .append("' ELSE '").append(t.settledStatusWhenNone()).append("' END");
        }
        sql.append(" WHERE ID = ?2 AND DELETED_AT IS NULL AND COALESCE(PAID_AMOUNT, 0) + ?1 <= GRAND_TOTAL")
                .append(" AND COALESCE(PAID_AMOUNT, 0) + ?1 >= 0 AND STATUS IN (");
        for (int i = 0; i < payable.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('?').append(i + 3);
        }
        sql.append(')');
        javax.persistence.Query update = em.createNativeQuery(sql.toString()).setParameter(1, delta).setParameter(2, id);
        for (int i = 0; i < payable.size(); i++) {
            update.setParameter(i + 3, payable.get(i));
        }
        int n = update.executeUpdate();
        Figures after = read(em, t, id);
        if (n == 0) {
            BigDecimal open = after.total().subtract(after.settled());
            throw delta.signum() > 0
                    ? new AtriumException(400, "payment-exceeds-open", "Payment exceeds the open amount", t.entity() + " " + after.number()
                            + " has " + open.toPlainString() + " open; " + delta.toPlainString() + " is more", List.of())
                            .with("open", open.toPlainString())
                            .localized("payment-exceeds-open", t.entity(), after.number(), open.toPlainString(), delta.toPlainString())
                    : new AtriumException(400, "refund-exceeds-settled", "Refund exceeds what was paid", t.entity() + " " + after.number()
                            + " was paid " + after.settled().toPlainString() + "; a refund of " + delta.negate().toPlainString()
                            + " is more", List.of()).with("settled", after.settled().toPlainString())
                            .localized("refund-exceeds-settled", t.entity(), after.number(), after.settled().toPlainString(),
                                    delta.negate().toPlainString());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        em.persist(new RecordChangeRow(t.entity(), id, "UPDATED", "paidAmount", before.settled().toPlainString(),
                after.settled().toPlainString(), caller.userId(), now));
        if (!after.status().equals(before.status())) {
            em.persist(new RecordChangeRow(t.entity(), id, "UPDATED", "status", before.status(), after.status(), caller.userId(), now));
        }
        return after;
    }

    private static Figures read(EntityManager em, Table t, String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + t.numberColumn() + ", CURRENCY, GRAND_TOTAL, PAID_AMOUNT, STATUS FROM "
                + t.name() + " WHERE ID = ? AND DELETED_AT IS NULL").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        String currency = (String) r[1];
        return new Figures((String) r[0], currency, scaled(r[2], currency), scaled(r[3], currency), (String) r[4]);
    }

    private static BigDecimal scaled(Object v, String currency) {
        BigDecimal d = v == null ? BigDecimal.ZERO : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        return d.setScale(Amounts.scale(currency), RoundingMode.HALF_UP);
    }
}

package org.atriumcrm.erp.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.integration.api.outbox.BackOff;
import org.atriumcrm.integration.api.outbox.OutboxEntries;
import org.atriumcrm.integration.api.outbox.OutboxEntry;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The outbox to the ERPs. Messages of one ordering key leave in the order they were made: while an earlier message of
 * a key waits for its retry, the later ones of that key wait behind it (a shipment never reaches the ERP before its
 * order); other keys go on.
 */
@Component(service = ErpOutbox.class)
public class ErpOutbox {
    /** Attempts before a message goes to the dead letters; the back-off grows to a quarter of an hour (about 2 h in all). */
    static final int MAX_ATTEMPTS = 15;
    /** Pending messages looked at per pass to find the due ones; keys blocked behind them wait for the next pass. */
    private static final int WINDOW = 500;

    private final JpaTemplate jpa;

    @Activate
    public ErpOutbox(@Reference(target = "(osgi.unit.name=" + ErpTypes.UNIT + ")") JpaTemplate jpa,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
        this.jpa = jpa;
    }

    /** Queues a message to one connector. */
    void queue(String connectorId, Canonical message, String entity, String recordId, String orderingKey, String reference) {
        jpa.tx(em -> em.persist(entry(connectorId, message, entity, recordId, orderingKey, reference)));
    }

    static ErpMessage entry(String connectorId, Canonical message, String entity, String recordId, String orderingKey, String reference) {
        ErpMessage m = new ErpMessage();
        Instant now = Instant.now();
        m.queue(RecordIds.next(), Caller.SYSTEM.userId(), now, now, Caller.SYSTEM);
        m.setConnectorId(connectorId);
        m.setKind(message.kind());
        m.setRecordEntity(entity);
        m.setRecordId(recordId);
        m.setOrderingKey(orderingKey == null ? recordId : orderingKey);
        m.setReference(reference == null ? null : reference.length() > 200 ? reference.substring(0, 200) : reference);
        m.setPayload(message.body().deepCopy().put("messageId", m.getId()).toString());
        return m;
    }

    /** When the connector's last message was queued; null when none ever was. */
    Instant lastQueued(String connectorId) {
        return jpa.txExpr(em -> em.createQuery("SELECT m.createdAt FROM ErpMessage m WHERE m.connectorId = :c ORDER BY m.createdAt DESC", Instant.class)
                .setParameter("c", connectorId).setMaxResults(1).getResultList().stream().findFirst().orElse(null));
    }

    /**
     * Whether the connector has a message about the record that said it was in {@code status} (any message when the
     * status is null): the event of that change was handled before the stop.
     */
    boolean told(String connectorId, String recordId, String status) {
        List<String> payloads = jpa.txExpr(em -> em.createQuery("SELECT m.payload FROM ErpMessage m WHERE m.connectorId = :c AND m.recordId = :r",
                String.class).setParameter("c", connectorId).setParameter("r", recordId).getResultList());
        if (status == null) {
            return !payloads.isEmpty();
        }
        for (String p : payloads) {
            try {
                if (status.equals(Canonical.JSON.readTree(p).path("status").asText(null))) {
                    return true;
                }
            } catch (java.io.IOException unreadable) {
                // a payload is written by this module as JSON; one that is not cannot say the status was sent
            }
        }
        return false;
    }

    /** Whether a message about the record was queued for the connector at or after {@code at}. */
    boolean queuedSince(String connectorId, String recordId, Instant at) {
        return !jpa.txExpr(em -> em.createQuery("SELECT m.id FROM ErpMessage m WHERE m.connectorId = :c AND m.recordId = :r AND m.createdAt >= :t",
                String.class).setParameter("c", connectorId).setParameter("r", recordId).setParameter("t", at).setMaxResults(1).getResultList()).isEmpty();
    }

    /** The connector's messages to send now, in order, none behind an earlier one of its key that is not due yet. */
    List<ErpMessage> next(String connectorId, int max) {
        List<ErpMessage> pending = jpa.txExpr(em -> em.createQuery("SELECT m FROM ErpMessage m WHERE m.connectorId = :c AND m.status = :s"
                + " ORDER BY m.createdAt, m.id", ErpMessage.class).setParameter("c", connectorId).setParameter("s", OutboxEntry.PENDING)
                .setMaxResults(WINDOW).getResultList());
        Instant now = Instant.now();
        Set<String> blocked = new HashSet<>();
        List<ErpMessage> due = new ArrayList<>();
        for (ErpMessage m : pending) {
            if (due.size() == max) {
                break;
            }
            if (!blocked.add(m.getOrderingKey())) {
                continue;
            }
            if (!m.getNextAttemptAt().isAfter(now)) {
                due.add(m);
            }
        }
        return due;
    }

    void delivered(ErpMessage m) {
        jpa.tx(em -> OutboxEntries.delivered(em.find(ErpMessage.class, m.getId()), Instant.now()));
    }

    /** A failed attempt: again after the back-off (no earlier than the ERP asked), or a dead letter when it cannot succeed. */
    void failed(ErpMessage m, ErpFailure failure) {
        Duration after = failure.retryAfter();
        BackOff backOff = failure.retryable() ? BackOff.of(MAX_ATTEMPTS, (int) Math.max(2, after == null ? 2 : after.toSeconds())) : BackOff.of(1, 1);
        jpa.tx(em -> OutboxEntries.failed(em.find(ErpMessage.class, m.getId()), failure.getMessage(), backOff, Instant.now()));
    }

    /** Counts of one connector's messages by status, for the administrators' view. */
    long count(String connectorId, String status) {
        return jpa.txExpr(em -> em.createQuery("SELECT COUNT(m) FROM ErpMessage m WHERE m.connectorId = :c AND m.status = :s", Long.class)
                .setParameter("c", connectorId).setParameter("s", status).getSingleResult());
    }

    /** One connector's outbox at a glance. */
    record Summary(long pending, long delivered, long dead, Instant oldestPending, Instant lastDeliveredAt, String lastError, long conflicts) {
    }

    Summary summary(String connectorId) {
        return jpa.txExpr(em -> {
            long pending = 0;
            long delivered = 0;
            long dead = 0;
            for (Object[] row : em.createQuery("SELECT m.status, COUNT(m) FROM ErpMessage m WHERE m.connectorId = :c GROUP BY m.status", Object[].class)
                    .setParameter("c", connectorId).getResultList()) {
                long n = ((Number) row[1]).longValue();
                switch (String.valueOf(row[0])) {
                    case OutboxEntry.PENDING -> pending = n;
                    case OutboxEntry.DELIVERED -> delivered = n;
                    default -> dead += n;
                }
            }
            // first of an ordered list rather than MIN/MAX: the instants are converted columns, an aggregate would bypass the converter
            Instant oldest = em.createQuery("SELECT m.createdAt FROM ErpMessage m WHERE m.connectorId = :c AND m.status = :s ORDER BY m.createdAt",
                    Instant.class).setParameter("c", connectorId).setParameter("s", OutboxEntry.PENDING).setMaxResults(1).getResultList()
                    .stream().findFirst().orElse(null);
            Instant last = em.createQuery("SELECT m.deliveredAt FROM ErpMessage m WHERE m.connectorId = :c AND m.deliveredAt IS NOT NULL"
                    + " ORDER BY m.deliveredAt DESC", Instant.class).setParameter("c", connectorId).setMaxResults(1).getResultList()
                    .stream().findFirst().orElse(null);
            List<String> errors = em.createQuery("SELECT m.lastError FROM ErpMessage m WHERE m.connectorId = :c AND m.lastError IS NOT NULL"
                    + " ORDER BY m.modifiedAt DESC", String.class).setParameter("c", connectorId).setMaxResults(1).getResultList();
            long conflicts = em.createQuery("SELECT COUNT(c) FROM ErpConflict c WHERE c.connectorId = :c AND c.deletedAt IS NULL", Long.class)
                    .setParameter("c", connectorId).getSingleResult();
            return new Summary(pending, delivered, dead, oldest, last, errors.isEmpty() ? null : errors.get(0), conflicts);
        });
    }

    /** The connector's last reconciliation per compared kind. */
    List<ErpReconciliation> lastReconciliations(String connectorId) {
        return jpa.txExpr(em -> em.createQuery("SELECT r FROM ErpReconciliation r WHERE r.connectorId = :c AND r.deletedAt IS NULL"
                + " ORDER BY r.createdAt DESC", ErpReconciliation.class).setParameter("c", connectorId).setMaxResults(4).getResultList());
    }

    List<ErpMessage> all(String connectorId) {
        return jpa.txExpr(em -> em.createQuery("SELECT m FROM ErpMessage m WHERE m.connectorId = :c ORDER BY m.createdAt, m.id", ErpMessage.class)
                .setParameter("c", connectorId).getResultList());
    }
}

package org.atriumcrm.shop.internal;

import java.time.Instant;
import java.util.List;

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

/** The shipments to report back to the shops: queued once per delivery note and connector, sent by the connector's route. */
@Component(service = ShopFulfilments.class)
public class ShopFulfilments {
    private final JpaTemplate jpa;

    @Activate
    public ShopFulfilments(@Reference(target = "(osgi.unit.name=" + ShopTypes.UNIT + ")") JpaTemplate jpa,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        this.jpa = jpa;
    }

    /** Queues the report of a shipped delivery note unless it was queued before (the event may come twice). */
    void queue(String connectorId, String salesOrderId, String externalOrderId, String deliveryNoteId, String carrier, String tracking) {
        jpa.tx(em -> {
            long known = em.createQuery("SELECT COUNT(f) FROM ShopFulfilment f WHERE f.deliveryNoteId = :n AND f.connectorId = :c", Long.class)
                    .setParameter("n", deliveryNoteId).setParameter("c", connectorId).getSingleResult();
            if (known == 0) {
                ShopFulfilment f = new ShopFulfilment();
                Instant now = Instant.now();
                f.queue(RecordIds.next(), Caller.SYSTEM.userId(), now, now, Caller.SYSTEM);
                f.describe(connectorId, salesOrderId, externalOrderId, deliveryNoteId, carrier, tracking);
                em.persist(f);
            }
        });
    }

    List<ShopFulfilment> due(String connectorId, int max) {
        return jpa.txExpr(em -> em.createQuery("SELECT f FROM ShopFulfilment f WHERE f.connectorId = :c AND f.status = :s"
                + " AND f.nextAttemptAt <= :now ORDER BY f.nextAttemptAt, f.id", ShopFulfilment.class).setParameter("c", connectorId)
                .setParameter("s", OutboxEntry.PENDING).setParameter("now", Instant.now()).setMaxResults(max).getResultList());
    }

    void delivered(ShopFulfilment f) {
        jpa.tx(em -> OutboxEntries.delivered(em.find(ShopFulfilment.class, f.getId()), Instant.now()));
    }

    void failed(ShopFulfilment f, String reason, java.time.Duration notBefore) {
        int first = (int) Math.max(2, notBefore == null ? 2 : notBefore.toSeconds());
        jpa.tx(em -> OutboxEntries.failed(em.find(ShopFulfilment.class, f.getId()), reason, BackOff.of(ShopPushes.MAX_ATTEMPTS, first), Instant.now()));
    }

    ShopFulfilment find(String id) {
        return jpa.txExpr(em -> em.find(ShopFulfilment.class, id));
    }
}

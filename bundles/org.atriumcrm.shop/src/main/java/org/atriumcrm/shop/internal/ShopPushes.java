package org.atriumcrm.shop.internal;

import java.time.Duration;
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

/**
 * The shops' push outbox: one pending entry per connector and product (a change while one waits adds nothing, the
 * push sends what is current), due after the connector's delay so that a burst of changes goes out in one batch.
 */
@Component(service = ShopPushes.class)
public class ShopPushes {
    /** Attempts before a push goes to the dead letters; the back-off grows to a quarter of an hour. */
    static final int MAX_ATTEMPTS = 12;

    private final JpaTemplate jpa;

    @Activate
    public ShopPushes(@Reference(target = "(osgi.unit.name=" + ShopTypes.UNIT + ")") JpaTemplate jpa,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        this.jpa = jpa;
    }

    /** Queues a push of the product to the connector unless one is waiting already. */
    void queue(String connectorId, String productId, Duration delay) {
        jpa.tx(em -> {
            long waiting = em.createQuery("SELECT COUNT(p) FROM ShopPush p WHERE p.connectorId = :c AND p.productId = :p AND p.status = :s",
                    Long.class).setParameter("c", connectorId).setParameter("p", productId).setParameter("s", OutboxEntry.PENDING).getSingleResult();
            if (waiting == 0) {
                ShopPush push = new ShopPush();
                Instant now = Instant.now();
                push.queue(RecordIds.next(), Caller.SYSTEM.userId(), now, now.plus(delay), Caller.SYSTEM);
                push.setConnectorId(connectorId);
                push.setProductId(productId);
                em.persist(push);
            }
        });
    }

    /** When the connector's last push was queued; null when none ever was. */
    Instant lastQueued(String connectorId) {
        return jpa.txExpr(em -> em.createQuery("SELECT p.createdAt FROM ShopPush p WHERE p.connectorId = :c ORDER BY p.createdAt DESC", Instant.class)
                .setParameter("c", connectorId).setMaxResults(1).getResultList().stream().findFirst().orElse(null));
    }

    /** A connector's pushes due now, oldest first. */
    List<ShopPush> due(String connectorId, int max) {
        return jpa.txExpr(em -> em.createQuery("SELECT p FROM ShopPush p WHERE p.connectorId = :c AND p.status = :s AND p.nextAttemptAt <= :now"
                + " ORDER BY p.nextAttemptAt, p.id", ShopPush.class).setParameter("c", connectorId).setParameter("s", OutboxEntry.PENDING)
                .setParameter("now", Instant.now()).setMaxResults(max).getResultList());
    }

    void delivered(List<ShopPush> pushes) {
        Instant now = Instant.now();
        jpa.tx(em -> pushes.forEach(p -> OutboxEntries.delivered(em.find(ShopPush.class, p.getId()), now)));
    }

    /**
     * Failed attempts: each rescheduled by the back-off, no earlier than the counterpart asked ({@code Retry-After}),
     * or dead after the last attempt.
     */
    void failed(List<ShopPush> pushes, String reason, Duration notBefore) {
        Instant now = Instant.now();
        int first = (int) Math.max(2, notBefore == null ? 2 : notBefore.toSeconds());
        BackOff backOff = BackOff.of(MAX_ATTEMPTS, first);
        jpa.tx(em -> pushes.forEach(p -> OutboxEntries.failed(em.find(ShopPush.class, p.getId()), reason, backOff, now)));
    }

    /** Pushes that can never succeed (the shop has no product with the SKU): dead at once, with the reason. */
    void dead(List<ShopPush> pushes, String reason) {
        Instant now = Instant.now();
        BackOff once = BackOff.of(1, 1);
        jpa.tx(em -> pushes.forEach(p -> OutboxEntries.failed(em.find(ShopPush.class, p.getId()), reason, once, now)));
    }

    /**
     * Pushes a batch did not reach because the shop asked the connector to slow down: due again at {@code at}, with no
     * attempt counted (none was made). In SQL, as the outbox's state has no setter for the time alone; the shared cache
     * forgets the rows.
     */
    void postpone(List<ShopPush> pushes, Instant at) {
        java.sql.Timestamp when = java.sql.Timestamp.from(at);
        jpa.tx(em -> {
            for (ShopPush p : pushes) {
                em.createNativeQuery("UPDATE ATRIUM_SHOP_PUSH SET NEXT_ATTEMPT_AT = ? WHERE ID = ? AND STATUS = ?")
                        .setParameter(1, when).setParameter(2, p.getId()).setParameter(3, OutboxEntry.PENDING).executeUpdate();
                em.getEntityManagerFactory().getCache().evict(ShopPush.class, p.getId());
            }
        });
    }

    /** A push as stored now (for tests and the administrators' view). */
    ShopPush find(String id) {
        return jpa.txExpr(em -> em.find(ShopPush.class, id));
    }

    List<ShopPush> all(String connectorId) {
        return jpa.txExpr(em -> em.createQuery("SELECT p FROM ShopPush p WHERE p.connectorId = :c ORDER BY p.createdAt", ShopPush.class)
                .setParameter("c", connectorId).getResultList());
    }
}

package org.atriumcrm.shop.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.integration.api.InboundReceipt;
import org.atriumcrm.integration.api.InboundReceipts;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * The deliveries the shops' webhooks made. Only the webhook writes them ({@link #intake}: the delivery and its
 * receipt in one transaction, so a retried delivery finds the receipt and changes nothing); clients read them and
 * retry held ones. Their processing outcome is bookkeeping, written without a new version.
 */
@Component(service = {RecordStore.class, ShopDeliveryStore.class}, property = RecordStore.ENTITY_PROPERTY + "=ShopDelivery")
public class ShopDeliveryStore extends JpaRecordStore<ShopDelivery> {

    /** What became of a delivery at the door: taken in now, or a repeat of one taken before. */
    record Intake(String deliveryId, boolean duplicate) {
    }

    @Activate
    public ShopDeliveryStore(@Reference(target = "(osgi.unit.name=" + ShopTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        super(ShopTypes.DELIVERY, jpa, events, ShopTypes.ALL);
    }

    @Override
    protected void beforeCreate(EntityManager em, ShopDelivery delivery, Caller caller) {
        throw AtriumException.conflict("shop-delivery-by-webhook", "shop deliveries come from the shops' webhooks only")
                .localized("shop-delivery-by-webhook");
    }

    @Override
    protected void beforeUpdate(EntityManager em, ShopDelivery delivery, Set<String> changedFields, Caller caller) {
        throw AtriumException.conflict("shop-delivery-by-webhook", "a shop delivery is kept as it arrived; retry a held one instead")
                .localized("shop-delivery-by-webhook");
    }

    /**
     * Takes a delivery in once: the receipt of {@code key} and the delivery in one transaction. A receipt already
     * there, or a concurrent taker that committed it first (the receipt's primary key), makes this a duplicate.
     */
    Intake intake(String connectorId, String platform, String topic, String key, String payload, String ownerId) {
        try {
            return tx(em -> {
                InboundReceipt seen = InboundReceipts.find(em, connectorId, key);
                if (seen != null) {
                    return new Intake(seen.getProducedId(), true);
                }
                ShopDelivery d = new ShopDelivery();
                Instant now = Instant.now();
                d.initialise(RecordIds.next(), now, new Caller(ownerId, "shop", false));
                d.setConnectorId(connectorId);
                d.setPlatform(platform);
                d.setTopic(topic);
                d.setDeliveryKey(key);
                d.setPayload(payload);
                d.setStatus(ShopDelivery.RECEIVED);
                d.setAttempts(0L);
                d.beforeSave();
                em.persist(d);
                InboundReceipts.record(em, ShopTypes.CHANNEL, connectorId, key, ShopDelivery.RECEIVED, d.getId());
                em.flush();
                return new Intake(d.getId(), false);
            });
        } catch (RuntimeException e) {
            String produced = tx(em -> {
                InboundReceipt seen = InboundReceipts.find(em, connectorId, key);
                return seen == null ? null : seen.getProducedId();
            });
            if (produced != null) {
                return new Intake(produced, true);
            }
            throw e;
        }
    }

    /** A connector's deliveries waiting to be processed, oldest first (as the shop sent them). */
    List<ShopDelivery> pending(String connectorId, int limit) {
        return tx(em -> em.createQuery("SELECT d FROM ShopDelivery d WHERE d.connectorId = :c AND d.status = :s AND d.deletedAt IS NULL"
                + " ORDER BY d.createdAt, d.id", ShopDelivery.class)
                .setParameter("c", connectorId).setParameter("s", ShopDelivery.RECEIVED).setMaxResults(limit).getResultList());
    }

    /** How many deliveries of a connector have {@code status}. */
    long count(String connectorId, String status) {
        return tx(em -> em.createQuery("SELECT COUNT(d) FROM ShopDelivery d WHERE d.connectorId = :c AND d.status = :s AND d.deletedAt IS NULL",
                Long.class).setParameter("c", connectorId).setParameter("s", status).getSingleResult());
    }

    /**
     * A processing outcome, without a new version (an administrator's view must not go stale because the processor
     * looked at it). In SQL, because EclipseLink's JPQL UPDATE raises the version; the shared cache forgets the row.
     */
    void outcome(String id, String status, String externalOrderId, String salesOrderId, String error) {
        String cut = error == null ? null : error.substring(0, Math.min(1000, error.length()));
        tx(em -> {
            int changed = em.createNativeQuery("UPDATE ATRIUM_SHOP_DELIVERY SET STATUS = ?, EXTERNAL_ORDER_ID = COALESCE(?, EXTERNAL_ORDER_ID),"
                    + " SALES_ORDER_ID = COALESCE(?, SALES_ORDER_ID), LAST_ERROR = ?, ATTEMPTS = COALESCE(ATTEMPTS, 0) + 1, PROCESSED_AT = ?"
                    + " WHERE ID = ?")
                    .setParameter(1, status).setParameter(2, externalOrderId).setParameter(3, salesOrderId).setParameter(4, cut)
                    .setParameter(5, java.sql.Timestamp.from(Instant.now())).setParameter(6, id).executeUpdate();
            em.getEntityManagerFactory().getCache().evict(ShopDelivery.class, id);
            return changed;
        });
        post(org.atriumcrm.api.event.DomainEvents.Action.UPDATED, id, Caller.SYSTEM,
                Map.of(org.atriumcrm.api.event.DomainEvents.CHANGED_FIELDS, new String[] {"status", "salesOrderId", "lastError", "attempts"}));
    }

    /** Puts a held or failed delivery back in the queue; 409 in any other state. */
    void retry(String id) {
        int changed = tx(em -> {
            int n = em.createNativeQuery("UPDATE ATRIUM_SHOP_DELIVERY SET STATUS = ?, LAST_ERROR = NULL WHERE ID = ? AND STATUS IN (?, ?)")
                    .setParameter(1, ShopDelivery.RECEIVED).setParameter(2, id).setParameter(3, ShopDelivery.HELD).setParameter(4, ShopDelivery.FAILED)
                    .executeUpdate();
            em.getEntityManagerFactory().getCache().evict(ShopDelivery.class, id);
            return n;
        });
        if (changed == 0) {
            throw AtriumException.conflict("shop-delivery-not-held", "only a held or failed delivery can be retried").localized("shop-delivery-not-held");
        }
    }
}

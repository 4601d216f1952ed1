package org.atriumcrm.shop.internal;

import java.time.Instant;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.integration.api.outbox.OutboxEntries;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** The shops' push outbox as records: administrators watch it and replay dead letters; only the push writes it. */
@Component(service = {RecordStore.class, ShopPushStore.class}, property = RecordStore.ENTITY_PROPERTY + "=ShopPush")
public class ShopPushStore extends JpaRecordStore<ShopPush> {

    @Activate
    public ShopPushStore(@Reference(target = "(osgi.unit.name=" + ShopTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        super(ShopTypes.PUSH, jpa, events, ShopTypes.ALL);
    }

    private static AtriumException readOnly() {
        return AtriumException.conflict("shop-push-managed", "shop pushes are written by stock movements and price changes; replay a dead"
                + " letter with POST /api/v1/shop-pushes/{id}/replay").localized("shop-push-managed");
    }

    @Override
    public ShopPush create(Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public ShopPush update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        throw readOnly();
    }

    @Override
    public ShopPush merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    /** A dead letter back into the outbox with a fresh budget of attempts (409 for any other push). */
    ShopPush replay(String id, Caller caller) {
        return tx(em -> {
            ShopPush push = OutboxEntries.live(em, ShopPush.class, id);
            OutboxEntries.replay(push, caller, Instant.now());
            return push;
        });
    }
}

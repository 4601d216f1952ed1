package org.atriumcrm.shop.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.integration.api.outbox.OutboxRecords;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** The shops' shipment reports as records ({@code /api/v1/shop-fulfilments}). */
@Component(service = {RecordStore.class, ShopFulfilmentStore.class}, property = RecordStore.ENTITY_PROPERTY + "=ShopFulfilment")
public class ShopFulfilmentStore extends OutboxRecords<ShopFulfilment> {

    @Activate
    public ShopFulfilmentStore(@Reference(target = "(osgi.unit.name=" + ShopTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        super(ShopTypes.FULFILMENT, ShopFulfilment.class, "delivery notes of shop orders when they ship", jpa, events, ShopTypes.ALL);
    }

    /** {@code POST /api/v1/shop-fulfilments/{id}/replay}. */
    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=ShopFulfilment", RecordAction.ACTION_PROPERTY + "=replay",
        RecordAction.WHEN_PROPERTY + "=status=dead", RecordAction.SUMMARY_PROPERTY + "=Put a dead letter back into the outbox"})
    public static class Replay extends OutboxRecords.Replay<ShopFulfilment> {
        private final ShopFulfilmentStore store;

        @Activate
        public Replay(@Reference ShopFulfilmentStore store,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
            this.store = store;
        }

        @Override
        protected OutboxRecords<ShopFulfilment> records() {
            return store;
        }
    }
}

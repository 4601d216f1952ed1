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

/** The shops' push outbox as records ({@code /api/v1/shop-pushes}). */
@Component(service = {RecordStore.class, ShopPushStore.class}, property = RecordStore.ENTITY_PROPERTY + "=ShopPush")
public class ShopPushStore extends OutboxRecords<ShopPush> {

    @Activate
    public ShopPushStore(@Reference(target = "(osgi.unit.name=" + ShopTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        super(ShopTypes.PUSH, ShopPush.class, "stock movements and price changes", jpa, events, ShopTypes.ALL);
    }

    /** {@code POST /api/v1/shop-pushes/{id}/replay}. */
    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=ShopPush", RecordAction.ACTION_PROPERTY + "=replay",
        RecordAction.WHEN_PROPERTY + "=status=dead", RecordAction.SUMMARY_PROPERTY + "=Put a dead letter back into the outbox"})
    public static class Replay extends OutboxRecords.Replay<ShopPush> {
        private final ShopPushStore store;

        @Activate
        public Replay(@Reference ShopPushStore store,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
            this.store = store;
        }

        @Override
        protected OutboxRecords<ShopPush> records() {
            return store;
        }
    }
}

package org.atriumcrm.erp.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.integration.api.outbox.OutboxRecords;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** The ERP outbox as records ({@code /api/v1/erp-messages}). */
@Component(service = {RecordStore.class, ErpMessageStore.class}, property = RecordStore.ENTITY_PROPERTY + "=ErpMessage")
public class ErpMessageStore extends OutboxRecords<ErpMessage> {

    @Activate
    public ErpMessageStore(@Reference(target = "(osgi.unit.name=" + ErpTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
        super(ErpTypes.MESSAGE, ErpMessage.class, "the ERP connectors from order-to-cash events", jpa, events, ErpTypes.ALL);
    }

    /** {@code POST /api/v1/erp-messages/{id}/replay}. */
    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=ErpMessage", RecordAction.ACTION_PROPERTY + "=replay",
        RecordAction.WHEN_PROPERTY + "=status=dead", RecordAction.SUMMARY_PROPERTY + "=Put a dead letter back into the outbox to the ERP"})
    public static class Replay extends OutboxRecords.Replay<ErpMessage> {
        private final ErpMessageStore store;

        @Activate
        public Replay(@Reference ErpMessageStore store,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
            this.store = store;
        }

        @Override
        protected OutboxRecords<ErpMessage> records() {
            return store;
        }
    }
}

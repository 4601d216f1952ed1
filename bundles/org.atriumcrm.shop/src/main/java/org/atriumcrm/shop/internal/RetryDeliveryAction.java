package org.atriumcrm.shop.internal;

import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/v1/shop-deliveries/{id}/retry}: a held or failed delivery goes back in its connector's queue. */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=ShopDelivery", RecordAction.ACTION_PROPERTY + "=retry",
    RecordAction.WHEN_PROPERTY + "=status=held,failed",
    RecordAction.SUMMARY_PROPERTY + "=Process a held or failed delivery again (after the catalog learnt its SKU); 409 in any other state"})
public class RetryDeliveryAction implements RecordAction {
    private final ShopDeliveryStore deliveries;

    @Activate
    public RetryDeliveryAction(@Reference ShopDeliveryStore deliveries,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        this.deliveries = deliveries;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.noParameters("""
                {"type": "object", "additionalProperties": false, "required": ["status"],
                 "properties": {"status": {"type": "string", "enum": ["received"], "description": "queued again"}}}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        records.find(id).orElseThrow(() -> AtriumException.notFound("no ShopDelivery with id " + id));
        deliveries.retry(id);
        return Map.of("status", ShopDelivery.RECEIVED);
    }
}

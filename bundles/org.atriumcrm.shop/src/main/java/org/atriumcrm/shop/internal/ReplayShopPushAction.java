package org.atriumcrm.shop.internal;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/v1/shop-pushes/{id}/replay}: a dead letter goes back into the outbox with a fresh budget of attempts. */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=ShopPush", RecordAction.ACTION_PROPERTY + "=replay",
    RecordAction.WHEN_PROPERTY + "=status=dead", RecordAction.SUMMARY_PROPERTY + "=Put a dead letter back into the outbox"})
public class ReplayShopPushAction implements RecordAction {
    private final ShopPushStore pushes;

    @Activate
    public ReplayShopPushAction(@Reference ShopPushStore pushes,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ShopTypes.MODULE + ")") ModuleGate gate) {
        this.pushes = pushes;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.noParameters("""
                {"$ref": "#/components/schemas/ShopPush"}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        records.find(id).orElseThrow(() -> AtriumException.notFound("no ShopPush with id " + id).localized("record-not-found", "ShopPush", id));
        return RecordBodies.toJson(ShopTypes.PUSH, pushes.replay(id, caller));
    }
}

package org.atriumcrm.inventory.internal;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/stocktakes/{id}/complete-count} and {@code .../post}: the caller must see the stocktake (404) and
 * may change it (403); the body is empty; 409 when the stocktake's status does not allow the step.
 */
abstract class StocktakeAction implements RecordAction {
    final StocktakeStore stocktakes;
    private final AccessPolicy access;

    StocktakeAction(StocktakeStore stocktakes, AccessPolicy access) {
        this.stocktakes = stocktakes;
        this.access = access;
    }

    abstract Stocktake act(String id, Caller caller);

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.json(OperationSchema.NO_MEMBERS, "{\"$ref\": \"#/components/schemas/Stocktake\"}");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        Stocktake s = (Stocktake) records.find(id).orElseThrow(() -> AtriumException.notFound("no Stocktake with id " + id).localized("record-not-found", "Stocktake", id));
        if (!access.access(caller, InventoryTypes.STOCKTAKE).canChange(s)) {
            throw AtriumException.forbidden("you may see stocktake " + id + " but not change it").localized("stocktake-read-only-for-you", id);
        }
        if (body != null && !body.isNull() && (!body.isObject() || body.size() > 0)) {
            throw AtriumException.badRequest("this action takes an empty JSON object {}").localized("empty-body-only");
        }
        @SuppressWarnings("unchecked")
        RecordStore<Stocktake> view = (RecordStore<Stocktake>) records;
        return RecordBodies.toJson(view.type(), act(id, caller));
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Stocktake",
        RecordAction.ACTION_PROPERTY + "=complete-count", RecordAction.WHEN_PROPERTY + "=status=draft",
        RecordAction.SUMMARY_PROPERTY + "=Draft to counted: the count lines are complete and frozen"})
    public static class CompleteCount extends StocktakeAction {
        @Activate
        public CompleteCount(@Reference StocktakeStore stocktakes, @Reference AccessPolicy access,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InventoryTypes.MODULE + ")") ModuleGate gate) {
            super(stocktakes, access);
        }

        @Override
        Stocktake act(String id, Caller caller) {
            return stocktakes.completeCount(id, caller);
        }
    }

    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Stocktake",
        RecordAction.ACTION_PROPERTY + "=post", RecordAction.WHEN_PROPERTY + "=status=counted",
        RecordAction.SUMMARY_PROPERTY + "=Counted to posted: each line's difference booked as a STOCKTAKE_CORRECTION movement, in one transaction (409 when posted already)"})
    public static class Post extends StocktakeAction {
        @Activate
        public Post(@Reference StocktakeStore stocktakes, @Reference AccessPolicy access,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + InventoryTypes.MODULE + ")") ModuleGate gate) {
            super(stocktakes, access);
        }

        @Override
        Stocktake act(String id, Caller caller) {
            return stocktakes.post(id, caller);
        }
    }
}

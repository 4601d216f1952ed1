package org.atriumcrm.erp.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorDirectory;
import org.atriumcrm.connectors.api.ConnectorType;
import org.atriumcrm.integration.api.outbox.OutboxEntry;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.databind.JsonNode;

/** What an administrator asks of an ERP connector beside the platform's own connector actions. */
final class ErpActions {

    private ErpActions() {
    }

    private static final String SYNC_STATUS = """
            {"type": "object", "properties": {
              "connectorId": {"type": "string"},
              "pending": {"type": "integer", "description": "messages waiting to be sent"},
              "delivered": {"type": "integer"},
              "dead": {"type": "integer", "description": "dead letters, replayable at /erp-messages/{id}/replay"},
              "lagSeconds": {"type": "integer", "description": "age of the oldest waiting message; 0 when none waits"},
              "lastDeliveredAt": {"type": "string", "format": "date-time"},
              "lastError": {"type": "string"},
              "conflicts": {"type": "integer"},
              "reconciliations": {"type": "array", "items": {"$ref": "#/components/schemas/ErpReconciliation"}}}}""";

    abstract static class Base implements RecordAction {
        final ConnectorDirectory connectors;
        final ErpOutbox outbox;
        final List<ConnectorType> types = new CopyOnWriteArrayList<>();

        Base(ConnectorDirectory connectors, ErpOutbox outbox) {
            this.connectors = connectors;
            this.outbox = outbox;
        }

        void addType(ConnectorType type) {
            types.add(type);
        }

        void removeType(ConnectorType type) {
            types.remove(type);
        }

        /** The ERP connector {@code id} with its adapter; 404 for none, 409 for a connector that is not an ERP's. */
        ConnectorConfig config(RecordStore<?> records, String id, Caller caller) {
            records.find(id).orElseThrow(() -> AtriumException.notFound("no Connector with id " + id).localized("record-not-found", "Connector", id));
            if (!caller.administrator()) {
                throw AtriumException.forbidden("only administrators manage connectors");
            }
            ConnectorConfig config = connectors.find(id)
                    .orElseThrow(() -> AtriumException.notFound("no Connector with id " + id).localized("record-not-found", "Connector", id));
            if (!ErpConnectorType.TYPES.contains(config.type())) {
                throw AtriumException.conflict("erp-connector-only", "connector " + id + " is of type " + config.type() + ", not an ERP's")
                        .localized("erp-connector-only", id, config.type());
            }
            return config;
        }

        ErpConnectorType adapter(ConnectorConfig config) {
            return types.stream().filter(t -> t instanceof ErpConnectorType && t.id().equals(config.type())).map(t -> (ErpConnectorType) t)
                    .findFirst().orElseThrow(() -> AtriumException.conflict("erp-type-unavailable", "the connector type " + config.type()
                            + " is not available (its module is disabled)").localized("erp-type-unavailable", config.type()));
        }

        Map<String, Object> status(ConnectorConfig config, List<ErpReconciliation> reconciliations) {
            Map<String, Object> s = new LinkedHashMap<>();
            ErpOutbox.Summary summary = outbox.summary(config.id());
            s.put("connectorId", config.id());
            s.put("pending", summary.pending());
            s.put("delivered", summary.delivered());
            s.put("dead", summary.dead());
            s.put("lagSeconds", summary.oldestPending() == null ? 0 : Duration.between(summary.oldestPending(), Instant.now()).toSeconds());
            s.put("lastDeliveredAt", summary.lastDeliveredAt() == null ? null : summary.lastDeliveredAt().toString());
            s.put("lastError", summary.lastError());
            s.put("conflicts", summary.conflicts());
            s.put("reconciliations", reconciliations.stream().map(r -> org.atriumcrm.rest.api.RecordBodies.toJson(ErpTypes.RECONCILIATION, r)).toList());
            return s;
        }
    }

    /** {@code POST /api/v1/connectors/{id}/erp-status}: the outbox's counts and lag, the conflicts, the last reconciliations. */
    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Connector", RecordAction.ACTION_PROPERTY + "=erp-status",
        RecordAction.SUMMARY_PROPERTY + "=An ERP connector's outbox (pending, delivered, dead letters, lag), conflicts and last reconciliations"})
    public static class Status extends Base {
        @Activate
        public Status(@Reference ConnectorDirectory connectors, @Reference ErpOutbox outbox,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
            super(connectors, outbox);
        }

        @Override
        public OperationSchema actionSchema() {
            return OperationSchema.noParameters(SYNC_STATUS);
        }

        @Override
        public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
            ConnectorConfig config = config(records, id, caller);
            return status(config, outbox.lastReconciliations(config.id()));
        }
    }

    /**
     * {@code POST /api/v1/connectors/{id}/reconcile} {@code {"resync": true}}: compares what the ERP holds with the
     * CRM now (counts, checksums, the keys that differ) and with {@code resync} applies the ERP's values under the
     * connector's conflict rules.
     */
    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Connector", RecordAction.ACTION_PROPERTY + "=reconcile",
        RecordAction.SUMMARY_PROPERTY + "=Reconcile an ERP connector now: counts and checksums per entity, optionally re-synced"})
    public static class Reconcile extends Base {
        private final ErpSync sync;

        @Activate
        public Reconcile(@Reference ConnectorDirectory connectors, @Reference ErpOutbox outbox, @Reference ErpSync sync,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
            super(connectors, outbox);
            this.sync = sync;
        }

        @Reference(service = ConnectorType.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
        void bindType(ConnectorType type) {
            addType(type);
        }

        void unbindType(ConnectorType type) {
            removeType(type);
        }

        @Override
        public OperationSchema actionSchema() {
            return OperationSchema.json("""
                    {"type": "object", "additionalProperties": false, "properties": {
                      "resync": {"type": "boolean", "description": "apply the ERP's values where they differ (default false)"}}}""", SYNC_STATUS);
        }

        @Override
        public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
            ConnectorConfig config = config(records, id, caller);
            boolean resync = body != null && body.path("resync").asBoolean(false);
            return status(config, sync.reconcile(config, adapter(config), resync));
        }
    }
}

package org.atriumcrm.connectors.internal;

import java.util.List;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.connectors.api.ConnectionCheck;
import org.atriumcrm.connectors.api.ConnectorType;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A connector's actions: test the connection, pause, resume. */
final class ConnectorActions {

    private ConnectorActions() {
    }

    /** The connector a caller may see (the secured view answers 403/404 for anyone else), read in full. */
    private static Connector visible(RecordStore<?> records, ConnectorStore store, String id) {
        records.find(id).orElseThrow(() -> AtriumException.notFound("no Connector with id " + id));
        return store.connector(id);
    }

    /** {@code POST /api/v1/connectors/{id}/test}: the type checks the counterpart step by step. */
    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Connector", RecordAction.ACTION_PROPERTY + "=test",
        RecordAction.SUMMARY_PROPERTY + "=Test the connection to the ERP or shop"})
    public static class Test implements RecordAction {
        private final ConnectorStore store;
        private final ConnectorTypeRegistry types;

        @Activate
        public Test(@Reference ConnectorStore store, @Reference ConnectorTypeRegistry types,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ConnectorTypes.MODULE + ")") ModuleGate gate) {
            this.store = store;
            this.types = types;
        }

        @Override
        public OperationSchema actionSchema() {
            return OperationSchema.noParameters("""
                    {"type": "object", "additionalProperties": false, "required": ["ok", "checks"],
                     "properties": {
                       "ok": {"type": "boolean", "description": "every step passed"},
                       "checks": {"type": "array", "items": {"type": "object", "additionalProperties": false, "required": ["step", "ok"],
                         "properties": {"step": {"type": "string", "description": "dns, connection, tls, authentication, protocol, or a type's own"},
                           "ok": {"type": "boolean"}, "detail": {"type": "string"}}}}}}""");
        }

        @Override
        public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
            Connector c = visible(records, store, id);
            ConnectorType type = types.find(c.getType()).orElseThrow(() -> AtriumException.conflict("connector-type-missing",
                    "connector type " + c.getType() + " is not installed (is its module enabled?)").localized("connector-type-missing", c.getType()));
            List<ConnectionCheck> checks;
            try {
                checks = type.test(store.config(c));
            } catch (RuntimeException e) { // a type's own defect is the test's outcome, not a 500
                checks = List.of(ConnectionCheck.failed("protocol", e.toString()));
            }
            boolean ok = !checks.isEmpty() && checks.stream().allMatch(ConnectionCheck::ok);
            ObjectNode answer = JsonNodeFactory.instance.objectNode().put("ok", ok);
            ArrayNode list = answer.putArray("checks");
            String firstFailure = null;
            for (ConnectionCheck check : checks) {
                ObjectNode n = list.addObject().put("step", check.step()).put("ok", check.ok());
                if (check.detail() != null) {
                    n.put("detail", check.detail());
                }
                if (!check.ok() && firstFailure == null) {
                    firstFailure = check.step() + ": " + check.detail();
                }
            }
            store.outcome(id, ok, firstFailure);
            return answer;
        }
    }

    /** Pausing and resuming: a change of the connector's status, which the runtime follows. */
    abstract static class StatusChange implements RecordAction {
        private final ConnectorStore store;
        private final String status;

        StatusChange(ConnectorStore store, String status) {
            this.store = store;
            this.status = status;
        }

        @Override
        public OperationSchema actionSchema() {
            return OperationSchema.noParameters("{\"$ref\": \"#/components/schemas/Connector\"}");
        }

        @Override
        public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
            records.find(id).orElseThrow(() -> AtriumException.notFound("no Connector with id " + id));
            return RecordBodies.toJson(ConnectorTypes.CONNECTOR, store.status(id, status, caller));
        }
    }

    /** {@code POST /api/v1/connectors/{id}/pause}: its routes stop; nothing it holds is lost. */
    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Connector", RecordAction.ACTION_PROPERTY + "=pause",
        RecordAction.WHEN_PROPERTY + "=status=" + Connector.ACTIVE, RecordAction.SUMMARY_PROPERTY + "=Pause the connector"})
    public static class Pause extends StatusChange {
        @Activate
        public Pause(@Reference ConnectorStore store,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ConnectorTypes.MODULE + ")") ModuleGate gate) {
            super(store, Connector.PAUSED);
        }
    }

    /** {@code POST /api/v1/connectors/{id}/resume}: its routes start again. */
    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Connector", RecordAction.ACTION_PROPERTY + "=resume",
        RecordAction.WHEN_PROPERTY + "=status=" + Connector.PAUSED, RecordAction.SUMMARY_PROPERTY + "=Resume the connector"})
    public static class Resume extends StatusChange {
        @Activate
        public Resume(@Reference ConnectorStore store,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ConnectorTypes.MODULE + ")") ModuleGate gate) {
            super(store, Connector.ACTIVE);
        }
    }
}

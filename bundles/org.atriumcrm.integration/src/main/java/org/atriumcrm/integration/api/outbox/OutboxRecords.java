package org.atriumcrm.integration.api.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.event.EventAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A channel's outbox as records ({@code /api/v1/<plural>}): administrators watch it and replay dead letters; only the
 * channel's own sending writes it, so create, update, delete and merge are a 409.
 *
 * @since 1.1
 */
@ConsumerType
public abstract class OutboxRecords<E extends OutboxEntry> extends JpaRecordStore<E> {
    private final Class<E> entries;
    private final String writtenBy;

    protected OutboxRecords(EntityType<E> type, Class<E> entries, String writtenBy, JpaTemplate jpa, EventAdmin events, List<EntityType<?>> unit) {
        super(type, jpa, events, unit);
        this.entries = entries;
        this.writtenBy = writtenBy;
    }

    private AtriumException readOnly() {
        return AtriumException.conflict("outbox-managed", type().plural() + " are written by " + writtenBy
                + "; replay a dead letter with its replay action").localized("outbox-managed", type().plural());
    }

    @Override
    public E create(Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public E update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        throw readOnly();
    }

    @Override
    public E merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    /** A dead letter back into the outbox with a fresh budget of attempts (409 for any other entry). */
    public E replay(String id, Caller caller) {
        return tx(em -> {
            E entry = OutboxEntries.live(em, entries, id);
            OutboxEntries.replay(entry, caller, Instant.now());
            return entry;
        });
    }

    /** {@code POST /api/v1/<plural>/{id}/replay} for one of these outboxes. */
    @ConsumerType
    public abstract static class Replay<E extends OutboxEntry> implements RecordAction {
        /** The outbox whose dead letters this action replays. */
        protected abstract OutboxRecords<E> records();

        @Override
        public OperationSchema actionSchema() {
            return OperationSchema.noParameters("{\"$ref\": \"#/components/schemas/" + records().type().name() + "\"}");
        }

        @Override
        public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
            String entity = records().type().name();
            records.find(id).orElseThrow(() -> AtriumException.notFound("no " + entity + " with id " + id).localized("record-not-found", entity, id));
            return RecordBodies.toJson(records().type(), records().replay(id, caller));
        }
    }
}

package org.atriumcrm.inventory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.event.EventAdmin;

/**
 * A store of ledger rows: what was booked stays as booked (a mistake is corrected by a new movement), so clients
 * never change or delete one (409 {@code immutable-ledger}).
 */
abstract class ReadOnlyRecords<T extends BaseRecord> extends JpaRecordStore<T> {

    ReadOnlyRecords(EntityType<T> type, JpaTemplate jpa, EventAdmin events, Collection<EntityType<?>> unitTypes) {
        super(type, jpa, events, unitTypes);
    }

    AtriumException refused() {
        return AtriumException.conflict("immutable-ledger", type().name() + " records are written by the inventory ledger only and never"
                + " changed or deleted: book a correcting movement (POST /api/v1/stock-movements, movementType ADJUSTMENT) instead")
                .localized("immutable-ledger", type().label());
    }

    @Override
    public T update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        throw refused();
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        throw refused();
    }

    @Override
    public T merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
        throw refused();
    }

    @Override
    public List<T> writeBatch(List<BatchWrite> rows, Caller caller) {
        throw refused();
    }
}

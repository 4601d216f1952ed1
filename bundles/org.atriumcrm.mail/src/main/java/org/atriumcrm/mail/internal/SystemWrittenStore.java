package org.atriumcrm.mail.internal;

import java.util.Collection;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.event.EventAdmin;

/** Records only the mail module writes (recipients, tracking): readable through the API, never written by clients. */
abstract class SystemWrittenStore<T extends BaseRecord> extends JpaRecordStore<T> {
    private final String writtenBy;

    SystemWrittenStore(EntityType<T> type, JpaTemplate jpa, EventAdmin events, Collection<EntityType<?>> unitTypes, String writtenBy) {
        super(type, jpa, events, unitTypes);
        this.writtenBy = writtenBy;
    }

    private AtriumException readOnly() {
        return AtriumException.conflict("mail-managed", type().name() + " records are written by " + writtenBy);
    }

    @Override
    public T create(Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public T update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        throw readOnly();
    }

    @Override
    public T merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
        throw readOnly();
    }
}

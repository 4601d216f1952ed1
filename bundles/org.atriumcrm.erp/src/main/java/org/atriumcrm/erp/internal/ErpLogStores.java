package org.atriumcrm.erp.internal;

import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.BaseRecord;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** The module's logs as read-only records: the sync writes them, administrators read them. */
final class ErpLogStores {

    private ErpLogStores() {
    }

    abstract static class Log<E extends BaseRecord> extends JpaRecordStore<E> {
        Log(EntityType<E> type, JpaTemplate jpa, EventAdmin events) {
            super(type, jpa, events, ErpTypes.ALL);
        }

        private AtriumException readOnly() {
            return AtriumException.conflict("erp-log-managed", type().plural() + " are written by the ERP sync")
                    .localized("erp-log-managed", type().plural());
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
        public E merge(String survivorId, String mergedId, Map<String, Object> values, Caller caller) {
            throw readOnly();
        }
    }

    /** {@code /api/v1/erp-conflicts}: deleting an entry is how an administrator marks it seen. */
    @Component(service = {RecordStore.class, Conflicts.class}, property = RecordStore.ENTITY_PROPERTY + "=ErpConflict")
    public static class Conflicts extends Log<ErpConflict> {
        @Activate
        public Conflicts(@Reference(target = "(osgi.unit.name=" + ErpTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
            super(ErpTypes.CONFLICT, jpa, events);
        }
    }

    /** {@code /api/v1/erp-documents}: what the ERPs report of our orders and the invoices they issued. */
    @Component(service = {RecordStore.class, Documents.class}, property = RecordStore.ENTITY_PROPERTY + "=ErpDocument")
    public static class Documents extends Log<ErpDocument> {
        @Activate
        public Documents(@Reference(target = "(osgi.unit.name=" + ErpTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
            super(ErpTypes.DOCUMENT, jpa, events);
        }
    }

    /** {@code /api/v1/erp-reconciliations}. */
    @Component(service = {RecordStore.class, Reconciliations.class}, property = RecordStore.ENTITY_PROPERTY + "=ErpReconciliation")
    public static class Reconciliations extends Log<ErpReconciliation> {
        @Activate
        public Reconciliations(@Reference(target = "(osgi.unit.name=" + ErpTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
            super(ErpTypes.RECONCILIATION, jpa, events);
        }
    }
}

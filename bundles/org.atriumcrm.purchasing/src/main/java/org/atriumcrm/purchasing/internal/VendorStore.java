package org.atriumcrm.purchasing.internal;

import java.util.Locale;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Vendors: codes unique among live ones, CNY unless told otherwise, active unless switched off. */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=Vendor")
public class VendorStore extends JpaRecordStore<Vendor> {

    @Activate
    public VendorStore(@Reference(target = "(osgi.unit.name=" + PurchasingTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PurchasingTypes.MODULE + ")") ModuleGate gate) {
        super(PurchasingTypes.VENDOR, jpa, events, PurchasingTypes.ALL);
    }

    @Override
    protected void beforeCreate(EntityManager em, Vendor v, Caller caller) {
        if (v.getActive() == null) {
            v.setActive(true);
        }
        if (v.getCurrency() == null) {
            v.setCurrency("CNY");
        }
        if (v.getPaymentTermDays() != null && v.getPaymentTermDays() < 0) {
            throw AtriumException.invalidField("paymentTermDays", "must not be negative");
        }
        uniqueCode(em, v);
    }

    @Override
    protected void beforeUpdate(EntityManager em, Vendor v, Set<String> changed, Caller caller) {
        if (changed.contains("paymentTermDays") && v.getPaymentTermDays() != null && v.getPaymentTermDays() < 0) {
            throw AtriumException.invalidField("paymentTermDays", "must not be negative");
        }
        if (changed.contains("code")) {
            uniqueCode(em, v);
        }
    }

    private static void uniqueCode(EntityManager em, Vendor v) {
        long same = em.createQuery("SELECT COUNT(v) FROM Vendor v WHERE UPPER(v.code) = :c AND v.id <> :id AND v.deletedAt IS NULL", Long.class)
                .setParameter("c", v.getCode().toUpperCase(Locale.ROOT)).setParameter("id", v.getId()).getSingleResult();
        if (same > 0) {
            throw AtriumException.conflict("duplicate-code", "another vendor has the code " + v.getCode()).localized("duplicate-vendor-code", v.getCode());
        }
    }
}

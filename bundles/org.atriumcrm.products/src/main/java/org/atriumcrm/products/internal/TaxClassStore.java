package org.atriumcrm.products.internal;

import java.math.BigDecimal;
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

/** Tax classes (administrators only): a rate from 0 to 100 %. */
@Component(service = {RecordStore.class, TaxClassStore.class}, property = RecordStore.ENTITY_PROPERTY + "=TaxClass")
public class TaxClassStore extends JpaRecordStore<TaxClass> {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Activate
    public TaxClassStore(@Reference(target = "(osgi.unit.name=atrium.products)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ProductTypes.MODULE + ")") ModuleGate gate) {
        super(ProductTypes.TAX_CLASS, jpa, events, ProductTypes.ALL);
    }

    @Override
    protected void beforeCreate(EntityManager em, TaxClass tax, Caller caller) {
        check(tax);
    }

    @Override
    protected void beforeUpdate(EntityManager em, TaxClass tax, Set<String> changed, Caller caller) {
        check(tax);
    }

    private static void check(TaxClass tax) {
        if (tax.getRate() == null || tax.getRate().signum() < 0 || tax.getRate().compareTo(HUNDRED) > 0) {
            throw AtriumException.invalid("rate", "percentage", "must be a percentage from 0 to 100");
        }
    }
}

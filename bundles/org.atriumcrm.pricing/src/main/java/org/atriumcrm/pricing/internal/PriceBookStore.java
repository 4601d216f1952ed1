package org.atriumcrm.pricing.internal;

import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmFunction;
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

/** Price books: a validity period that does not end before it starts, a currency the JDK knows. */
@Component(service = {RecordStore.class, PriceBookStore.class}, property = RecordStore.ENTITY_PROPERTY + "=PriceBook")
public class PriceBookStore extends JpaRecordStore<PriceBook> {

    @Activate
    public PriceBookStore(@Reference(target = "(osgi.unit.name=atrium.pricing)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PricingTypes.MODULE + ")") ModuleGate gate) {
        super(PricingTypes.BOOK, jpa, events, PricingTypes.ALL);
    }

    /** A read of the pricing unit in one transaction, for the price resolution. */
    <R> R inTransaction(EmFunction<R> work) {
        return tx(work);
    }

    @Override
    protected void beforeCreate(EntityManager em, PriceBook book, Caller caller) {
        check(book);
    }

    @Override
    protected void beforeUpdate(EntityManager em, PriceBook book, Set<String> changed, Caller caller) {
        check(book);
    }

    private static void check(PriceBook book) {
        if (book.getValidFrom() != null && book.getValidTo() != null && book.getValidTo().isBefore(book.getValidFrom())) {
            throw AtriumException.invalidField("validTo", "the price book would end (" + book.getValidTo() + ") before it starts ("
                    + book.getValidFrom() + ")");
        }
        PriceRules.currency(book.getCurrency(), "currency");
    }
}

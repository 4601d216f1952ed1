package org.atriumcrm.pricing.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Entries of a price book: a price of at most 4 decimal places, not negative, from a quantity of 0 or more; one per
 * book, product and quantity (a 409 naming the entry that has them, in the recycle bin too).
 */
@Component(service = {RecordStore.class, PriceBookEntryStore.class}, property = RecordStore.ENTITY_PROPERTY + "=PriceBookEntry")
public class PriceBookEntryStore extends JpaRecordStore<PriceBookEntry> {

    @Activate
    public PriceBookEntryStore(@Reference(target = "(osgi.unit.name=atrium.pricing)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PricingTypes.MODULE + ")") ModuleGate gate) {
        super(PricingTypes.ENTRY, jpa, events, PricingTypes.ALL);
    }

    @Override
    public PriceBookEntry create(Map<String, Object> values, Caller caller) {
        try {
            return super.create(values, caller);
        } catch (RuntimeException e) {
            throw duplicateOr(e);
        }
    }

    @Override
    public PriceBookEntry update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        try {
            return super.update(id, expectedVersion, values, caller);
        } catch (RuntimeException e) {
            throw duplicateOr(e);
        }
    }

    @Override
    protected void beforeCreate(EntityManager em, PriceBookEntry entry, Caller caller) {
        check(em, entry);
    }

    @Override
    protected void beforeUpdate(EntityManager em, PriceBookEntry entry, Set<String> changed, Caller caller) {
        check(em, entry);
    }

    private static void check(EntityManager em, PriceBookEntry entry) {
        amount("unitPrice", entry.getUnitPrice());
        amount("minQuantity", entry.getMinQuantity());
        em.createQuery("SELECT e FROM PriceBookEntry e WHERE e.entryKey = :k AND e.id <> :id", PriceBookEntry.class)
                .setParameter("k", entry.getEntryKey()).setParameter("id", entry.getId()).setMaxResults(1).getResultList()
                .stream().findFirst().ifPresent(other -> {
                    throw duplicate().with("existingId", other.getId()).with("inRecycleBin", other.getDeletedAt() != null);
                });
    }

    private static void amount(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw AtriumException.invalidField(field, "must not be negative");
        }
        if (value != null && value.stripTrailingZeros().scale() > Amounts.MAX_SCALE) {
            throw AtriumException.invalid(field, "decimal-places", "has more than " + Amounts.MAX_SCALE + " decimal places", Amounts.MAX_SCALE);
        }
    }

    private static AtriumException duplicate() {
        return AtriumException.conflict("duplicate-price-book-entry", "the price book already has a price for this product from this"
                + " quantity (entries in the recycle bin included): change that entry instead").localized("duplicate-price-book-entry");
    }

    private static RuntimeException duplicateOr(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return duplicate();
            }
        }
        return e;
    }
}

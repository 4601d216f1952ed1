package org.atriumcrm.products.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Map;
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

/**
 * Products and services: a unique SKU (case-insensitive, a 409 naming the product that has it), a service is sold by
 * time, occurrence or period and never stocked, amounts are not negative.
 */
@Component(service = {RecordStore.class, ProductStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Product")
public class ProductStore extends JpaRecordStore<Product> {

    @Activate
    public ProductStore(@Reference(target = "(osgi.unit.name=atrium.products)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ProductTypes.MODULE + ")") ModuleGate gate) {
        super(ProductTypes.PRODUCT, jpa, events, ProductTypes.ALL);
    }

    /** A read or write of the catalog's unit in one transaction, for the module's services. */
    <R> R inTransaction(EmFunction<R> work) {
        return tx(work);
    }

    @Override
    public Product create(Map<String, Object> values, Caller caller) {
        try {
            return super.create(values, caller);
        } catch (RuntimeException e) {
            throw duplicateSkuOr(e, values.get("sku"));
        }
    }

    @Override
    public Product update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        try {
            return super.update(id, expectedVersion, values, caller);
        } catch (RuntimeException e) {
            throw duplicateSkuOr(e, values.get("sku"));
        }
    }

    /** The stored image's facts, written as the module's own change (the fields are read-only to clients). */
    Product setImage(String id, String type, long size, String digest, Caller caller) {
        return updateBySystem(id, caller, p -> {
            p.setImageType(type);
            p.setImageSize(size);
            p.setImageDigest(digest);
        }, "imageType", "imageSize");
    }

    @Override
    protected void beforeCreate(EntityManager em, Product product, Caller caller) {
        check(em, product);
    }

    @Override
    protected void beforeUpdate(EntityManager em, Product product, Set<String> changed, Caller caller) {
        if (changed.contains("kind") && product.isService() && !changed.contains("unit")
                && !ProductTypes.SERVICE_UNITS.contains(product.getUnit())) {
            product.setUnit("time"); // a product turned service keeps no physical unit
        }
        check(em, product);
    }

    private static void check(EntityManager em, Product product) {
        if (product.isService() && !ProductTypes.SERVICE_UNITS.contains(product.getUnit())) {
            throw AtriumException.invalid("unit", "service-unit", "a service is sold by " + ProductTypes.SERVICE_UNITS.stream().sorted().toList()
                    + ", not by " + product.getUnit(), ProductTypes.SERVICE_UNITS.stream().sorted().toList(), product.getUnit());
        }
        notNegative("listPrice", product.getListPrice());
        notNegative("cost", product.getCost());
        notNegative("reorderLevel", product.getReorderLevel());
        // the unique constraint decides races; this finds the usual case first and names the holder
        em.createQuery("SELECT p FROM Product p WHERE p.skuKey = :k AND p.id <> :id", Product.class)
                .setParameter("k", product.getSkuKey()).setParameter("id", product.getId()).setMaxResults(1).getResultList()
                .stream().findFirst().ifPresent(other -> {
                    throw duplicateSku(product.getSku()).with("existingId", other.getId())
                            .with("inRecycleBin", other.getDeletedAt() != null);
                });
    }

    private static void notNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw AtriumException.invalidField(field, "must not be negative");
        }
    }

    static AtriumException duplicateSku(Object sku) {
        return AtriumException.conflict("duplicate-sku", "another product already has SKU " + sku
                + " (SKUs are unique without regard to case, products in the recycle bin included)").with("sku", sku)
                .localized("duplicate-sku", sku);
    }

    /** The unique constraint's refusal of a racing create or update as the same 409 the check gives. */
    private static RuntimeException duplicateSkuOr(RuntimeException e, Object sku) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return duplicateSku(sku);
            }
        }
        return e;
    }
}

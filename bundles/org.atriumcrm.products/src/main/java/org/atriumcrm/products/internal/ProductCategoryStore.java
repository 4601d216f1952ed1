package org.atriumcrm.products.internal;

import java.util.HashSet;
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

/** The category tree: a category cannot sit below itself, and one with products or subcategories is not deleted. */
@Component(service = {RecordStore.class, ProductCategoryStore.class}, property = RecordStore.ENTITY_PROPERTY + "=ProductCategory")
public class ProductCategoryStore extends JpaRecordStore<ProductCategory> {

    @Activate
    public ProductCategoryStore(@Reference(target = "(osgi.unit.name=atrium.products)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ProductTypes.MODULE + ")") ModuleGate gate) {
        super(ProductTypes.CATEGORY, jpa, events, ProductTypes.ALL);
    }

    @Override
    protected void beforeUpdate(EntityManager em, ProductCategory category, Set<String> changed, Caller caller) {
        if (changed.contains("parentId")) {
            Set<String> seen = new HashSet<>();
            for (String at = category.getParentId(); at != null; ) {
                if (at.equals(category.getId())) {
                    throw AtriumException.invalid("parentId", "category-below-itself", "category " + category.getName()
                            + " cannot be placed below itself or below one of its own subcategories", category.getName());
                }
                if (!seen.add(at)) {
                    break; // a loop written before this rule: do not walk it forever
                }
                ProductCategory parent = em.find(ProductCategory.class, at);
                at = parent == null ? null : parent.getParentId();
            }
        }
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        tx(em -> {
            long children = em.createQuery("SELECT COUNT(c) FROM ProductCategory c WHERE c.parentId = :id AND c.deletedAt IS NULL",
                    Long.class).setParameter("id", id).getSingleResult();
            long products = em.createQuery("SELECT COUNT(p) FROM Product p WHERE p.categoryId = :id AND p.deletedAt IS NULL",
                    Long.class).setParameter("id", id).getSingleResult();
            if (children > 0 || products > 0) {
                throw AtriumException.conflict("category-in-use", "the category still has " + children + " subcategories and "
                        + products + " products: move or delete them first").with("subcategories", children).with("products", products)
                        .localized("category-in-use", children, products);
            }
            return null;
        });
        super.delete(id, expectedVersion, caller);
    }
}

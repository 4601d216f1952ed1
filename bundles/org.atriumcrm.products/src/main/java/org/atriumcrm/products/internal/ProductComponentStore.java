package org.atriumcrm.products.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
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

/** Bundled and gift items: a positive quantity, and no product that contains itself, directly or through others. */
@Component(service = {RecordStore.class, ProductComponentStore.class}, property = RecordStore.ENTITY_PROPERTY + "=ProductComponent")
public class ProductComponentStore extends JpaRecordStore<ProductComponent> {

    @Activate
    public ProductComponentStore(@Reference(target = "(osgi.unit.name=atrium.products)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ProductTypes.MODULE + ")") ModuleGate gate) {
        super(ProductTypes.COMPONENT, jpa, events, ProductTypes.ALL);
    }

    @Override
    protected void beforeCreate(EntityManager em, ProductComponent component, Caller caller) {
        check(em, component);
    }

    @Override
    protected void beforeUpdate(EntityManager em, ProductComponent component, Set<String> changed, Caller caller) {
        check(em, component);
    }

    private static void check(EntityManager em, ProductComponent component) {
        if (component.getQuantity() == null || component.getQuantity().signum() <= 0) {
            throw AtriumException.invalidField("quantity", "must be greater than 0");
        }
        if (component.getComponentProductId().equals(component.getProductId())) {
            throw AtriumException.invalid("componentProductId", "product-contains-itself", "a product cannot contain itself");
        }
        if (contains(em, component.getComponentProductId(), component.getProductId())) {
            throw AtriumException.invalid("componentProductId", "product-cycle", "product " + component.getComponentProductId()
                    + " already contains product " + component.getProductId() + " (directly or through its items): that would be a cycle",
                    component.getComponentProductId(), component.getProductId());
        }
    }

    /** Whether {@code whole} contains {@code part} at any depth. */
    static boolean contains(EntityManager em, String whole, String part) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(whole));
        while (!todo.isEmpty()) {
            String at = todo.pop();
            if (!seen.add(at)) {
                continue;
            }
            for (String child : em.createQuery("SELECT c.componentProductId FROM ProductComponent c WHERE c.productId = :p"
                    + " AND c.deletedAt IS NULL", String.class).setParameter("p", at).getResultList()) {
                if (child.equals(part)) {
                    return true;
                }
                todo.push(child);
            }
        }
        return false;
    }
}

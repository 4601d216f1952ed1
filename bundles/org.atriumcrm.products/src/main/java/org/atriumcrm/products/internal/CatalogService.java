package org.atriumcrm.products.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.commerce.api.Catalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

/** The catalog as the other order-to-cash modules read it; registered only while the products module is enabled. */
@org.osgi.service.component.annotations.Component(service = Catalog.class)
public class CatalogService implements Catalog {
    private final ProductStore products;

    @Activate
    public CatalogService(@Reference ProductStore products,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ProductTypes.MODULE + ")") ModuleGate gate) {
        this.products = products;
    }

    @Override
    public Optional<Item> item(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return products.inTransaction(em -> {
            Product p = em.find(Product.class, id);
            return p == null || p.isDeleted() ? Optional.<Item>empty() : Optional.of(item(em, p));
        });
    }

    @Override
    public Optional<Item> itemBySku(String sku) {
        Object key = sku == null || sku.isBlank() ? null : org.atriumcrm.api.meta.FieldDef.matchValue(org.atriumcrm.api.meta.FieldType.STRING, sku.strip());
        if (key == null) {
            return Optional.empty();
        }
        return products.inTransaction(em -> em.createQuery("SELECT p FROM Product p WHERE p.skuKey = :k AND p.deletedAt IS NULL", Product.class)
                .setParameter("k", key).getResultList().stream().findFirst().map(p -> item(em, p)));
    }

    static Item item(EntityManager em, Product p) {
        BigDecimal taxRate = null;
        if (p.getTaxClassId() != null) {
            TaxClass tax = em.find(TaxClass.class, p.getTaxClassId());
            taxRate = tax == null || tax.isDeleted() ? null : tax.getRate();
        }
        List<Component> components = new ArrayList<>();
        for (ProductComponent c : em.createQuery("SELECT c FROM ProductComponent c WHERE c.productId = :p AND c.deletedAt IS NULL"
                + " ORDER BY c.createdAt", ProductComponent.class).setParameter("p", p.getId()).getResultList()) {
            components.add(new Component(c.getComponentProductId(), c.getQuantity(), Boolean.TRUE.equals(c.getGift())));
        }
        return new Item(p.getId(), p.getSku(), p.getName(), p.isService() ? Kind.SERVICE : Kind.PRODUCT,
                Boolean.TRUE.equals(p.getActive()), p.getUnit(), p.getListPrice(), p.getCurrency(), p.getCost(), taxRate,
                Boolean.TRUE.equals(p.getStocked()), Boolean.TRUE.equals(p.getSerialTracked()), p.getReorderLevel(),
                Boolean.TRUE.equals(p.getAllowBackorder()), p.getOwnerId(), p.getCategoryId(), List.copyOf(components));
    }

    @Override
    public List<String> categoryAndBelow(String categoryId) {
        return products.inTransaction(em -> {
            Set<String> all = new LinkedHashSet<>();
            if (categoryId == null) {
                return List.<String>of();
            }
            List<String> level = List.of(categoryId);
            all.add(categoryId);
            while (!level.isEmpty()) {
                List<String> next = em.createQuery("SELECT c.id FROM ProductCategory c WHERE c.parentId IN :ids AND c.deletedAt IS NULL",
                        String.class).setParameter("ids", level).getResultList().stream().filter(all::add).toList();
                level = next;
            }
            return List.copyOf(all);
        });
    }
}

package org.atriumcrm.shop.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Online shops: WooCommerce, Shopify and Youzan connectors, their webhooks taken in and their orders made sales orders. */
@Component(service = ModuleDescriptor.class)
public class ShopModule implements ModuleDescriptor {

    @Override
    public String id() {
        return ShopTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Online shops", "网店对接");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security", "customers", "connectors", "products", "orders");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return ShopTypes.REFS;
    }
}

package org.atriumcrm.products.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** The catalog: products and services, their category tree, tax classes, bundled and gift items, images. */
@Component(service = ModuleDescriptor.class)
public class ProductsModule implements ModuleDescriptor {

    @Override
    public String id() {
        return ProductTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Products", "产品目录");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security", "customers");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return ProductTypes.REFS;
    }
}

package org.atriumcrm.pricing.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Price books by customer tier, region, channel, partner or account, with validity dates and volume breaks, and the one price resolution. */
@Component(service = ModuleDescriptor.class)
public class PricingModule implements ModuleDescriptor {

    @Override
    public String id() {
        return PricingTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Price books", "价格表");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security", "customers", "products");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return PricingTypes.REFS;
    }
}

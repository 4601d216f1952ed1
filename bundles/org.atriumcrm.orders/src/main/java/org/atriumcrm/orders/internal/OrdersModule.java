package org.atriumcrm.orders.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Sales orders: lines priced like quotes, credit control per account and credit unit, recurring invoicing schedules. */
@Component(service = ModuleDescriptor.class)
public class OrdersModule implements ModuleDescriptor {

    @Override
    public String id() {
        return OrderTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Sales orders", "销售订单");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security", "customers", "commerce", "products");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return OrderTypes.REFS;
    }
}

package org.atriumcrm.invoicing.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Delivery notes that take stock out and invoices with due dates, for sales orders; recurring invoices by the orders' schedules. */
@Component(service = ModuleDescriptor.class)
public class InvoicingModule implements ModuleDescriptor {

    @Override
    public String id() {
        return InvoicingTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Delivery notes and invoices", "发货与开票");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        // notes and invoices are of sales orders; a note books its delivery on the inventory ledger
        return Set.of("core", "security", "customers", "commerce", "products", "orders", "inventory");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return InvoicingTypes.REFS;
    }
}

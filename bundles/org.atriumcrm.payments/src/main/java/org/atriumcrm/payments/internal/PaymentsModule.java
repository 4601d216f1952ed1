package org.atriumcrm.payments.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

@Component(service = ModuleDescriptor.class)
public class PaymentsModule implements ModuleDescriptor {

    @Override
    public String id() {
        return PaymentTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Receivables and payables", "应收应付");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        // the documents paid against come and go with their own modules (OpenItems services), so they are not required
        return Set.of("core", "security", "customers");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return PaymentTypes.REFS;
    }
}

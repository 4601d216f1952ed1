package org.atriumcrm.contracts.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Contracts: from quotes or opportunities, approval, signature, term and renewal reminders. */
@Component(service = ModuleDescriptor.class)
public class ContractsModule implements ModuleDescriptor {

    @Override
    public String id() {
        return ContractTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Contracts", "合同");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security", "customers", "commerce");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return ContractTypes.REFS;
    }
}

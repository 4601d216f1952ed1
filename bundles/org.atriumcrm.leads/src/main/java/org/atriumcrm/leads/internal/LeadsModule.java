package org.atriumcrm.leads.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Leads: capture, assignment, duplicate check and conversion into accounts, contacts and opportunities. */
@Component(service = ModuleDescriptor.class)
public class LeadsModule implements ModuleDescriptor {

    @Override
    public String id() {
        return LeadTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Leads", "潜在客户");
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
        return LeadTypes.REFS;
    }
}

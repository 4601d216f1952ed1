package org.atriumcrm.opportunities.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Opportunities: sales processes with staged, action-gated progress, stage history, sales teams, funnel and forecast. */
@Component(service = ModuleDescriptor.class)
public class OpportunitiesModule implements ModuleDescriptor {

    @Override
    public String id() {
        return OpportunityTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Opportunities", "销售机会");
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
        return OpportunityTypes.REFS;
    }
}

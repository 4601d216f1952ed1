package org.atriumcrm.leads.internal;

import java.util.Map;
import java.util.Optional;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordAssignment;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The lead assignment rules for leads that arrive without an owner from elsewhere than a web form (imports). */
@Component(service = RecordAssignment.class, property = RecordStore.ENTITY_PROPERTY + "=Lead")
public class LeadAssignment implements RecordAssignment {
    private final LeadAssignmentRuleStore rules;
    private final UserDirectory users;

    @Activate
    public LeadAssignment(@Reference LeadAssignmentRuleStore rules, @Reference UserDirectory users,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + LeadTypes.MODULE + ")") ModuleGate gate) {
        this.rules = rules;
        this.users = users;
    }

    @Override
    public Optional<String> ownerFor(Map<String, Object> values) {
        Lead probe = new Lead();
        probe.setSource((String) values.get("source"));
        probe.setRegion((String) values.get("region"));
        probe.setProvince((String) values.get("province"));
        return rules.choose(probe).map(LeadAssignmentRuleStore.Assignment::ownerId).filter(users::isValidOwner);
    }
}

package org.atriumcrm.contracts.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.actions.DocumentAction;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/v1/contracts/{id}/submit-for-approval}: Submit a draft contract for approval: approved at once when no approval rule applies, else in approval with the approver the rules and the role tree name */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Contract",
    RecordAction.ACTION_PROPERTY + "=submit-for-approval", RecordAction.WHEN_PROPERTY + "=status=draft",
    RecordAction.SUMMARY_PROPERTY + "=Submit a draft contract for approval: approved at once when no approval rule applies, else in approval with the approver the rules and the role tree name"})
public class SubmitContractAction extends DocumentAction<Contract> {
    private final ContractStore contracts;

    @Activate
    public SubmitContractAction(@Reference ContractStore contracts, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ContractTypes.MODULE + ")") ModuleGate gate) {
        super(ContractTypes.CONTRACT, access);
        this.contracts = contracts;
    }

    @Override
    protected Contract act(String id, String comment, Caller caller) {
        return contracts.submit(id, caller);
    }
}

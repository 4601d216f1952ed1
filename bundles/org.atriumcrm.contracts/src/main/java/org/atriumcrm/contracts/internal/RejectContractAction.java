package org.atriumcrm.contracts.internal;

import java.util.Optional;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.actions.DocumentAction;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/v1/contracts/{id}/reject}: The approver rejects: comment (required); the contract goes back to draft */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Contract",
    RecordAction.ACTION_PROPERTY + "=reject", RecordAction.WHEN_PROPERTY + "=status=in_approval",
    RecordAction.SUMMARY_PROPERTY + "=The approver rejects: comment (required); the contract goes back to draft"})
public class RejectContractAction extends DocumentAction<Contract> {
    private final ContractStore contracts;

    @Activate
    public RejectContractAction(@Reference ContractStore contracts, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ContractTypes.MODULE + ")") ModuleGate gate) {
        super(ContractTypes.CONTRACT, access);
        this.contracts = contracts;
    }

    @Override
    protected Contract act(String id, String comment, Caller caller) {
        return contracts.decide(id, false, comment, caller);
    }

    @Override
    protected boolean takesComment() {
        return true;
    }

    @Override
    protected boolean isDecision() {
        return true;
    }

    @Override
    protected Optional<Contract> forDecider(String id, Caller caller) {
        return contracts.find(id).filter(d -> contracts.mayDecide(d, caller));
    }
}

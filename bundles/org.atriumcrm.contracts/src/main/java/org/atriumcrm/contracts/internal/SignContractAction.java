package org.atriumcrm.contracts.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.actions.DocumentAction;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/v1/contracts/{id}/sign}: Record that an approved contract was signed (today) */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Contract",
    RecordAction.ACTION_PROPERTY + "=sign", RecordAction.WHEN_PROPERTY + "=status=approved",
    RecordAction.SUMMARY_PROPERTY + "=Record that an approved contract was signed (today)"})
public class SignContractAction extends DocumentAction<Contract> {
    private final ContractStore contracts;

    @Activate
    public SignContractAction(@Reference ContractStore contracts, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ContractTypes.MODULE + ")") ModuleGate gate) {
        super(ContractTypes.CONTRACT, access);
        this.contracts = contracts;
    }

    @Override
    protected Contract act(String id, String comment, Caller caller) {
        return contracts.sign(id, caller);
    }
}

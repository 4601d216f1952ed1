package org.atriumcrm.customers.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Accounts in the customers persistence unit; present while the customers module's gate is open. */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=Account")
public class AccountStore extends JpaRecordStore<Account> {

    @Activate
    public AccountStore(@Reference(target = "(osgi.unit.name=atrium.customers)") JpaTemplate jpa,
            @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + CustomerTypes.MODULE + ")") ModuleGate gate) {
        super(CustomerTypes.ACCOUNT, jpa, events, CustomerTypes.ALL);
    }
}

package org.atriumcrm.customers.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atriumcrm.api.record.RecordStore;

@Service
@Command(scope = "atrium", name = "account-count", description = "Counts the live accounts (not those in the recycle bin)")
public class AccountCountCommand implements Action {

    @Reference(filter = "(atrium.entity=Account)")
    RecordStore<?> accounts;

    @Override
    public Object execute() {
        long count = accounts.count();
        System.out.println(count);
        return null;
    }
}

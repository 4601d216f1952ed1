package org.atriumcrm.customers.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atriumcrm.api.record.RecordStore;

@Service
@Command(scope = "atrium", name = "contact-count", description = "Counts the live contacts (not those in the recycle bin)")
public class ContactCountCommand implements Action {

    /**
     * Every store, chosen by entity name below: Karaf's shell injection does not apply a {@code filter} to a single
     * reference reliably, and with several record stores it handed over whichever came first.
     */
    @Reference
    List<RecordStore<?>> stores;

    @Override
    public Object execute() {
        RecordStore<?> store = stores.stream().filter(s -> s.type().name().equals("Contact")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the customers module is not enabled"));
        System.out.println(store.count());
        return null;
    }
}

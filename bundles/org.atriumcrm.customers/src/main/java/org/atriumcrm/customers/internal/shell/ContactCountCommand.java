package org.atriumcrm.customers.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atriumcrm.api.record.RecordStore;

@Service
@Command(scope = "atrium", name = "contact-count", description = "Counts the live contacts (not those in the recycle bin)")
public class ContactCountCommand implements Action {

    @Reference(filter = "(atrium.entity=Contact)")
    RecordStore<?> contacts;

    @Override
    public Object execute() {
        long count = contacts.count();
        System.out.println(count);
        return null;
    }
}

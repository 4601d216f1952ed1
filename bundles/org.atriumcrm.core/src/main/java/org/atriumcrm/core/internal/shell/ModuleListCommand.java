package org.atriumcrm.core.internal.shell;

import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "atrium", name = "module-list", description = "Lists the installed Atrium modules and their state")
public class ModuleListCommand implements Action {

    @Reference
    ModuleRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Version");
        table.column("State");
        table.column("Requires");
        table.column("Reason");
        for (ModuleInfo m : registry.modules()) {
            table.addRow().addContent(m.id(), m.name().en(), m.version(), m.state(),
                    String.join(",", m.requires()), m.reason() == null ? "" : m.reason());
        }
        table.print(System.out);
        return null;
    }
}

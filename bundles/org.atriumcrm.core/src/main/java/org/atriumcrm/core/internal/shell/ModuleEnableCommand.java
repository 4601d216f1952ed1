package org.atriumcrm.core.internal.shell;

import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleRegistry;
import org.atriumcrm.api.security.Caller;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "atrium", name = "module-enable", description = "Enables an Atrium module")
public class ModuleEnableCommand implements Action {

    @Reference
    ModuleRegistry registry;

    @Argument(index = 0, name = "id", required = true, description = "module id")
    String id;

    @Override
    public Object execute() {
        ModuleInfo m = registry.setEnabled(id, true, false, new Caller("shell", "karaf shell", true));
        System.out.println("module " + m.id() + ": " + m.state());
        return null;
    }
}

package ${package}.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Registered unconditionally: Atrium lists the module even while an administrator has it disabled. */
@Component(service = ModuleDescriptor.class)
public class PluginModule implements ModuleDescriptor {
    static final String ID = "${moduleId}";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Label name() {
        return Label.of("${moduleName}", "${moduleName}");
    }

    @Override
    public String version() {
        return "${version}";
    }

    @Override
    public Set<String> requires() {
        return Set.of("customers");
    }

    @Override
    public List<String> resourcePaths() {
        return List.of(ID);
    }

    @Override
    public List<EntityRef> entityTypes() {
        return List.of(new EntityRef("${entityName}", "${entityPlural}"));
    }
}

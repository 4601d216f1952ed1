package org.atriumcrm.printing.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Printing: documents rendered to PDF from administrator-editable templates. */
@Component(service = ModuleDescriptor.class)
public class PrintingModule implements ModuleDescriptor {

    @Override
    public String id() {
        return PrintingTypes.MODULE;
    }

    @Override
    public Label name() {
        return Label.of("Document templates", "打印模板");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("core", "security");
    }

    @Override
    public List<EntityRef> entityTypes() {
        return PrintingTypes.REFS;
    }
}

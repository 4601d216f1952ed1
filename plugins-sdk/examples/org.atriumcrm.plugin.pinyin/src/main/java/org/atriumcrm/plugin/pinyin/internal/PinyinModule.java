package org.atriumcrm.plugin.pinyin.internal;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Always registered: the platform lists the plugin even while an administrator has it disabled. */
@Component(service = ModuleDescriptor.class)
public class PinyinModule implements ModuleDescriptor {
    static final String ID = "pinyin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Label name() {
        return Label.of("Pinyin initial search", "拼音首字母检索");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public Set<String> requires() {
        return Set.of("customers");
    }

    @Override
    public List<String> resourcePaths() {
        return List.of("pinyin");
    }
}

package com.example.routes;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleDescriptor;

/** The test plugin's module. */
public class TickModule implements ModuleDescriptor {

    @Override
    public String id() {
        return "itest-routes";
    }

    @Override
    public Label name() {
        return Label.of("Test routes", "测试路由");
    }

    @Override
    public String version() {
        return "1.0.0";
    }
}

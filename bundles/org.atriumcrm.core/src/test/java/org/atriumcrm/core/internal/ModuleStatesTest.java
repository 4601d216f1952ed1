package org.atriumcrm.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleDescriptor;
import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleState;
import org.junit.Test;

public class ModuleStatesTest {

    private static ModuleDescriptor module(String id, boolean platform, String... requires) {
        return new ModuleDescriptor() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Label name() {
                return Label.of(id, id);
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public boolean platform() {
                return platform;
            }

            @Override
            public Set<String> requires() {
                return Set.of(requires);
            }
        };
    }

    private final List<ModuleDescriptor> installed = List.of(module("core", true), module("customers", true, "core"),
            module("leads", false, "customers"), module("opportunities", false, "leads"), module("orphan", false, "erp"));

    @Test
    public void enabledByDefaultWhenRequirementsAreMet() {
        Map<String, ModuleInfo> states = ModuleStates.compute(installed, Set.of());
        assertEquals(ModuleState.ENABLED, states.get("opportunities").state());
        assertEquals(ModuleState.UNSATISFIED, states.get("orphan").state());
        assertEquals("requires erp is not installed", states.get("orphan").reason());
    }

    @Test
    public void disablingClosesDependentsAndPlatformModulesStayOn() {
        Map<String, ModuleInfo> states = ModuleStates.compute(installed, Set.of("leads", "customers"));
        assertEquals(ModuleState.ENABLED, states.get("customers").state());
        assertEquals(ModuleState.DISABLED, states.get("leads").state());
        assertEquals(ModuleState.UNSATISFIED, states.get("opportunities").state());
    }

    @Test
    public void dependentsAreTransitive() {
        assertEquals(Set.of("leads", "opportunities"), ModuleStates.dependentsOf("customers", installed));
        assertTrue(ModuleStates.dependentsOf("opportunities", installed).isEmpty());
    }

    @Test
    public void cyclesAreUnsatisfiedNotInfinite() {
        Map<String, ModuleInfo> states = ModuleStates.compute(List.of(module("a", false, "b"), module("b", false, "a")), Set.of());
        assertEquals(ModuleState.UNSATISFIED, states.get("a").state());
        assertEquals(ModuleState.UNSATISFIED, states.get("b").state());
    }
}

package org.atriumcrm.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.atriumcrm.api.module.ModuleDescriptor;
import org.atriumcrm.api.module.ModuleInfo;
import org.atriumcrm.api.module.ModuleState;

/**
 * Derives every module's state from the installed descriptors and the ids an administrator disabled. A module
 * is ENABLED only when it is switched on and everything it requires is ENABLED, so closing one gate closes
 * the gates of its dependents too.
 */
final class ModuleStates {

    private ModuleStates() {
    }

    static Map<String, ModuleInfo> compute(Collection<ModuleDescriptor> installed, Set<String> disabled) {
        Map<String, ModuleDescriptor> byId = new LinkedHashMap<>();
        installed.stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(d -> byId.put(d.id(), d));
        Map<String, ModuleInfo> result = new LinkedHashMap<>();
        for (String id : byId.keySet()) {
            resolve(id, byId, disabled, result, new HashMap<>());
        }
        return result;
    }

    private static ModuleInfo resolve(String id, Map<String, ModuleDescriptor> byId, Set<String> disabled,
            Map<String, ModuleInfo> done, Map<String, Boolean> visiting) {
        ModuleInfo known = done.get(id);
        if (known != null) {
            return known;
        }
        ModuleDescriptor d = byId.get(id);
        if (visiting.containsKey(id)) {
            return info(d, ModuleState.UNSATISFIED, "dependency cycle through " + id);
        }
        visiting.put(id, Boolean.TRUE);
        ModuleInfo result;
        if (!d.platform() && disabled.contains(id)) {
            result = info(d, ModuleState.DISABLED, "disabled by an administrator");
        } else {
            List<String> problems = new ArrayList<>();
            for (String required : new TreeSet<>(d.requires())) {
                if (!byId.containsKey(required)) {
                    problems.add(required + " is not installed");
                } else if (resolve(required, byId, disabled, done, visiting).state() != ModuleState.ENABLED) {
                    problems.add(required + " is not enabled");
                }
            }
            result = problems.isEmpty()
                    ? info(d, ModuleState.ENABLED, null)
                    : info(d, ModuleState.UNSATISFIED, "requires " + String.join(", ", problems));
        }
        visiting.remove(id);
        done.put(id, result);
        return result;
    }

    /** Installed modules that require {@code id}, directly or through others. */
    static Set<String> dependentsOf(String id, Collection<ModuleDescriptor> installed) {
        Set<String> found = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ModuleDescriptor d : installed) {
                if (!found.contains(d.id()) && (d.requires().contains(id)
                        || d.requires().stream().anyMatch(found::contains))) {
                    grew |= found.add(d.id());
                }
            }
        }
        found.remove(id);
        return found;
    }

    private static ModuleInfo info(ModuleDescriptor d, ModuleState state, String reason) {
        return new ModuleInfo(d.id(), d.name(), d.version(), state, Set.copyOf(d.requires()), d.platform(),
                List.copyOf(d.entityTypes()), List.copyOf(d.resourcePaths()), reason);
    }
}

package org.atriumcrm.api.module;

import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;

/** What the registry knows of one installed module. {@code reason} explains a state other than ENABLED. */
public record ModuleInfo(String id, Label name, String version, ModuleState state, Set<String> requires,
        boolean platform, List<EntityRef> entityTypes, String reason) {
}

package org.atriumcrm.api.module;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;

/** What the registry knows of one installed module. {@code reason} explains a state other than ENABLED. */
@ProviderType
public record ModuleInfo(String id, Label name, String version, ModuleState state, Set<String> requires,
        boolean platform, List<EntityRef> entityTypes, List<String> resourcePaths, String reason) {

    /** True when {@code /api/v1/<segment>} belongs to this module (an entity type or one of its resource paths). */
    public boolean serves(String segment) {
        return resourcePaths.contains(segment) || entityTypes.stream().anyMatch(e -> e.matches(segment));
    }
}

package org.atriumcrm.api.module;

import org.osgi.annotation.versioning.ProviderType;
import java.time.Instant;
import java.util.List;

/**
 * One recorded change of module enablement: who switched {@code moduleId} on or off, when, and which dependent
 * modules were switched off with it ({@code cascaded}).
 */
@ProviderType
public record ModuleChange(String id, String moduleId, boolean enabled, List<String> cascaded, String userId,
        String loginName, Instant at) {

    public ModuleChange {
        cascaded = cascaded == null ? List.of() : List.copyOf(cascaded);
    }
}

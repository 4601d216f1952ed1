package org.atriumcrm.api.module;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;

/** Durable record of module enablement changes, written before a change takes effect. */
@ProviderType
public interface ModuleChangeLog {

    ModuleChange record(ModuleChange change);

    /** The newest changes first; all modules when {@code moduleId} is null. */
    List<ModuleChange> changes(String moduleId, int limit);
}

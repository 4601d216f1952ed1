package org.atriumcrm.api.module;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;
import java.util.Optional;

import org.atriumcrm.api.security.Caller;

/** The installed modules and their enablement, which persists across restarts (ConfigAdmin). */
@ProviderType
public interface ModuleRegistry {

    List<ModuleInfo> modules();

    Optional<ModuleInfo> module(String id);

    /** The installed module that serves an entity type (name or plural) or resource path segment. */
    Optional<ModuleInfo> moduleOfEntity(String nameOrPlural);

    /** Recorded enablement changes, newest first; all modules when {@code moduleId} is null. */
    List<ModuleChange> changes(String moduleId, int limit);

    /**
     * Enables or disables a module; the change is recorded (who, when, what) before it takes effect. Refused with a 409 {@link org.atriumcrm.api.error.AtriumException} for a
     * platform module, or when enabled modules require it (unless {@code cascade}, which disables them too).
     */
    ModuleInfo setEnabled(String id, boolean enabled, boolean cascade, Caller caller);
}

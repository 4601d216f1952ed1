package org.atriumcrm.api.module;

import org.osgi.annotation.versioning.ProviderType;

/** The state of an installed module. */
@ProviderType
public enum ModuleState {
    /** Enabled and every required module is enabled: its gate is open. */
    ENABLED,
    /** Switched off by an administrator; its data stays. */
    DISABLED,
    /** Enabled, but a module it requires is missing or disabled: its gate stays closed. */
    UNSATISFIED
}

package org.atriumcrm.api.module;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the platform for each enabled module, with the service property {@value #MODULE_PROPERTY}
 * set to the module id. A module's components reference it, e.g.
 * {@code @Reference(target = "(atrium.module=customers)") ModuleGate gate}, so Declarative Services removes
 * them when the module is disabled and brings them back when it is enabled again. Data stays untouched.
 */
@ProviderType
public interface ModuleGate {
    String MODULE_PROPERTY = "atrium.module";

    String moduleId();
}

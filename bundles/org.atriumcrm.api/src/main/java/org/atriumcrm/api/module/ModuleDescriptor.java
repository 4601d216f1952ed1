package org.atriumcrm.api.module;

import org.osgi.annotation.versioning.ConsumerType;
import java.util.List;
import java.util.Set;

import org.atriumcrm.api.meta.Label;

/**
 * Registered by every module as an OSGi service, unconditionally: it is how the platform knows a module is
 * installed, even while an administrator has it disabled. The module's functional components (stores, REST
 * resources, routes, handlers) instead reference its {@link ModuleGate}, so they exist only while it is enabled.
 */
@ConsumerType
public interface ModuleDescriptor {

    /** Stable id, lower case, e.g. {@code customers}. */
    String id();

    Label name();

    String version();

    /** Ids of the modules this one needs enabled. */
    default Set<String> requires() {
        return Set.of();
    }

    /** Platform modules (core, security, customers) cannot be disabled. */
    default boolean platform() {
        return false;
    }

    /**
     * First path segments under {@code /api/v1/} that the module's own REST resources use (besides its entity
     * types), e.g. {@code pinyin}; while the module is disabled they answer 404 "module disabled".
     */
    default List<String> resourcePaths() {
        return List.of();
    }

    /** The entity types the module contributes, e.g. {@code Account} at {@code accounts}. */
    default List<EntityRef> entityTypes() {
        return List.of();
    }
}

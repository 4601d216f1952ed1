package org.atriumcrm.connectors.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The connectors as the modules that serve them see them (registered while the connectors module is enabled): a
 * webhook endpoint finds the connector a delivery is addressed to, with its secrets, and whether it runs.
 *
 * @since 1.1
 */
@ProviderType
public interface ConnectorDirectory {

    /** A connector that is not deleted, active or paused; empty when there is none with this id. */
    Optional<ConnectorConfig> find(String id);

    /** Whether the connector exists and is active (not paused, not deleted). */
    boolean active(String id);

    /** The active connectors of a type ({@code woocommerce}): where a change in the CRM is to be pushed. */
    java.util.List<ConnectorConfig> activeOfType(String type);

    /** The user or group owning the connector (who created it, unless given to another): null when there is none. */
    String ownerId(String id);
}

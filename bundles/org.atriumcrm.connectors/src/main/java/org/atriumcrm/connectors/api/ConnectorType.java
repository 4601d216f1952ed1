package org.atriumcrm.connectors.api;

import java.util.List;

import org.apache.camel.RoutesBuilder;
import org.atriumcrm.api.meta.Label;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of connector (WooCommerce, Odoo, file exchange…), registered as an OSGi service by the module that implements
 * it; a module's gate in its component makes the type, and with it every connector's routes, go away while the
 * module is disabled (the connectors and their settings stay).
 */
@ConsumerType
public interface ConnectorType {

    /** The type's id as connectors name it ({@code woocommerce}, {@code odoo}): lower case, digits and dashes. */
    String id();

    Label label();

    /** The settings an administrator gives a connector of this type, besides its one secret. */
    List<ConnectorSetting> settings();

    /**
     * The names of those {@link #settings()} that are secrets too (an API token beside a webhook secret): given in the
     * settings like the others, they are sealed at rest, never read back through the API, and kept when an update
     * leaves them out. Types see them in {@link ConnectorConfig#settings()} in the clear.
     *
     * @since 1.1
     */
    default java.util.Set<String> sealedSettings() {
        return java.util.Set.of();
    }

    /**
     * Checks a connector's counterpart step by step (dns, connection, tls, authentication, protocol), as the mailbox test
     * does; every step it could not reach is left out. Called on the caller's thread: keep connection and read
     * timeouts short.
     */
    List<ConnectionCheck> test(ConnectorConfig config);

    /**
     * The routes of one active connector. Every route id must start with {@link ConnectorConfig#routePrefix()}: the
     * platform finds them by it to stop them.
     */
    RoutesBuilder routes(ConnectorConfig config);
}

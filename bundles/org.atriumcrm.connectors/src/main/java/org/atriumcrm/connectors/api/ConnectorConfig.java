package org.atriumcrm.connectors.api;

import java.util.Map;

/**
 * What a connector type is given for one connector: its id, name, settings and secret (decrypted, never logged).
 */
public record ConnectorConfig(String id, String name, String type, Map<String, String> settings, String secret) {

    public ConnectorConfig {
        settings = Map.copyOf(settings);
    }

    /** The prefix of every route id of this connector. */
    public String routePrefix() {
        return "connector-" + id + "-";
    }

    /** A setting's value, or {@code fallback} when it is not set. */
    public String setting(String name, String fallback) {
        String v = settings.get(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public String toString() { // the secret stays out of logs
        return "ConnectorConfig[" + type + " " + id + " " + name + " " + settings + "]";
    }
}

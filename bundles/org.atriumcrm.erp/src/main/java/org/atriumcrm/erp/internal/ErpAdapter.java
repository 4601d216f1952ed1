package org.atriumcrm.erp.internal;

import java.util.List;
import java.util.Optional;

import org.atriumcrm.connectors.api.ConnectorConfig;

/**
 * What an ERP connector type does with the canonical model; the module's routes call it (one connector's calls one
 * at a time, never concurrently), keep the outbox, apply what comes in and reconcile.
 */
public interface ErpAdapter {

    /**
     * Sends one outbound message; done when it returns (the ERP has it), an {@link ErpFailure} otherwise. {@code camel}
     * is the connector's own context, for adapters that reach the ERP through Camel components (file, SFTP). The body
     * carries {@code messageId}, the same on every attempt, for the ERP (or the file name) to recognise a repeat.
     */
    void send(ConnectorConfig config, Canonical message, org.apache.camel.CamelContext camel) throws ErpFailure;

    /**
     * What changed at the ERP since {@code cursor} (null the first time), and the cursor to give next time; adapters
     * that receive instead of asking (files dropped in a folder) return {@link Pull#NONE}.
     */
    default Pull pull(ConnectorConfig config, String cursor) throws ErpFailure {
        return Pull.NONE;
    }

    /**
     * Everything the ERP holds of one inbound kind ({@link Canonical#PRODUCT}, {@link Canonical#STOCK}…) for the
     * reconciliation; empty when the ERP cannot list it.
     */
    default Optional<List<Canonical>> snapshot(ConnectorConfig config, String kind) throws ErpFailure {
        return Optional.empty();
    }

    /** Messages pulled and the cursor after them. */
    record Pull(List<Canonical> messages, String cursor) {
        public static final Pull NONE = new Pull(List.of(), null);
    }
}

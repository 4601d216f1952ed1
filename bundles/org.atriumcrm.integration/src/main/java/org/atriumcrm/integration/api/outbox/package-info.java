/**
 * The one outbox every outbound channel uses (mail, SMS, ERP, shops): an entry per message in the channel's own
 * table ({@link org.atriumcrm.integration.api.outbox.OutboxEntry}), retried with a {@link
 * org.atriumcrm.integration.api.outbox.BackOff}, given up into the dead-letter state and replayed from there
 * ({@link org.atriumcrm.integration.api.outbox.OutboxEntries}), and drained on the channel's CamelContext by an
 * {@link org.atriumcrm.integration.api.outbox.OutboxDrainer} that hands each due entry to the channel's sender
 * ({@link org.atriumcrm.integration.api.outbox.OutboxChannel}). Retries live in the table, not in Camel's in-memory
 * redelivery, so a restart or a counterpart that is down for hours loses nothing.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.atriumcrm.integration.api.outbox;

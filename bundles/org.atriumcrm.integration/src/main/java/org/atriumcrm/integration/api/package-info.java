/**
 * How modules and plugins contribute Apache Camel routes. The platform's Camel libraries are shared (the
 * platform features carry them): import {@code org.apache.camel.*}, never embed Camel.
 * <p>
 * 1.3: the inbound side's exactly-once store — {@link org.atriumcrm.integration.api.InboundReceipt} (one row per
 * connector and message id, written in the transaction that files the message) with
 * {@link org.atriumcrm.integration.api.InboundReceipts}, and a connector's read position
 * ({@link org.atriumcrm.integration.api.InboundCursor}).
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.atriumcrm.integration.api;

package org.atriumcrm.sms.internal;

import java.util.List;

/**
 * The way out to the phone network. SMPP (an operator's or aggregator's SMSC) and HTTP (the mainland cloud
 * providers with pre-approved signatures and template codes) differ in everything but this.
 */
interface SmsGateway {

    /** The message to send: the CRM's id (for the gateway's logs and correlation), E.164 numbers, the text. */
    record Outgoing(String smsId, String to, String from, String text) {
    }

    /** The gateway took the message: its ids (one per SMPP part) and the number of parts billed. */
    record Accepted(List<String> gatewayIds, int segments) {
    }

    /** {@code smpp}, {@code http}: stored on each message so receipts are matched within the gateway that sent it. */
    String name();

    /** Hands the message to the gateway; any exception is a failed attempt the outbox retries. */
    Accepted send(Outgoing message) throws Exception;
}

package org.atriumcrm.sms.internal;

/** Where gateways hand what the network sends back: delivery receipts and messages from people. */
interface SmsReceiver {

    /**
     * A delivery receipt for the message the gateway knows as {@code gatewayId}: {@code delivered} true for
     * delivered, false for a final failure ({@code detail} says why).
     */
    void receipt(String gateway, String gatewayId, boolean delivered, String detail);

    /**
     * A message from {@code from} to {@code to} (E.164), idempotent on {@code gatewayId}: the same id received
     * twice is stored once. Returns the stored message's id.
     */
    String received(String gateway, String gatewayId, String from, String to, String text);
}

package org.atriumcrm.sms.internal;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.component.smpp.SmppMessage;
import org.apache.camel.component.smpp.SmppMessageType;
import org.apache.camel.component.smpp.SmppUtils;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS through an SMSC with camel-smpp: a transmitter bind for sending ({@code smpp://} producer) and a receiver
 * bind for what the SMSC delivers ({@code smpp://} consumer): delivery receipts and messages from people.
 * camel-smpp 3.20 bound as transmitter cannot receive, so there are two binds to the same SMSC account.
 */
final class SmppGateway implements SmsGateway {
    static final String NAME = "smpp";
    private static final Logger LOG = LoggerFactory.getLogger(SmppGateway.class);
    private static final String OUT = "direct:atrium-sms-smpp";
    private static final String IN_ROUTE = "atrium-sms-smpp-in";
    private static final int MAX_PARTIAL = 1000;
    static final long RECONNECT_INITIAL_MILLIS = 500;
    static final long RECONNECT_DELAY_MILLIS = 2000;
    static final int MAX_RECONNECT = 3;
    /** How long camel-smpp goes on reconnecting a lost receiver bind before it gives up, plus a margin. */
    private static final long RECONNECT_BUDGET_MILLIS = RECONNECT_INITIAL_MILLIS + (MAX_RECONNECT - 1) * RECONNECT_DELAY_MILLIS + 2000;
    /** How often a receiver that is not bound is started again. */
    static final long REBIND_MILLIS = 10_000;
    private static final String RECEIVER_STATE = "atriumSmppReceiverState";

    /** The SMSC account. */
    record Options(String host, int port, String systemId, String password, String systemType, String sourceAddr) {
        String uri() {
            StringBuilder uri = new StringBuilder("smpp://").append(URLEncoder.encode(systemId, StandardCharsets.UTF_8)).append('@')
                    .append(host).append(':').append(port).append("?password=").append(org.atriumcrm.integration.api.CamelContexts.raw(password))
                    // the SMSC is asked for a receipt of every message; camel asks it on the last part only
                    .append("&registeredDelivery=").append(SMSCDeliveryReceipt.SUCCESS_FAILURE.value())
                    // a producer that connects at the first message: a route that starts while the SMSC is down still starts
                    .append("&lazySessionCreation=true&splittingPolicy=ALLOW&enquireLinkTimer=30000&transactionTimer=10000")
                    // camel-smpp reconnects on the thread that saw the session close, also inside a refused bind on the
                    // caller's thread, and by default forever: a wrong password held the outbox thread (and the bundle's
                    // activation) for good. A few quick tries only; the outbox's retries and ensureReceiving do the rest.
                    .append("&initialReconnectDelay=").append(RECONNECT_INITIAL_MILLIS)
                    .append("&reconnectDelay=").append(RECONNECT_DELAY_MILLIS)
                    .append("&maxReconnect=").append(MAX_RECONNECT)
                    .append("&destAddrTon=").append(TypeOfNumber.INTERNATIONAL.value())
                    .append("&destAddrNpi=").append(NumberingPlanIndicator.ISDN.value());
            if (systemType != null && !systemType.isBlank()) {
                uri.append("&systemType=").append(URLEncoder.encode(systemType, StandardCharsets.UTF_8));
            }
            if (sourceAddr != null && !sourceAddr.isBlank()) {
                uri.append("&sourceAddr=").append(URLEncoder.encode(sourceAddr, StandardCharsets.UTF_8));
                if (!sourceAddr.matches("\\+?[0-9]+")) {
                    // an alphanumeric sender ("Atrium") needs its own type of number, or SMSCs refuse it
                    uri.append("&sourceAddrTon=").append(TypeOfNumber.ALPHANUMERIC.value())
                            .append("&sourceAddrNpi=").append(NumberingPlanIndicator.UNKNOWN.value());
                }
            }
            return uri.toString();
        }
    }

    /**
     * What SMPP 3.4 cannot carry, or null: jSMPP refuses a longer system_id (15), password (8), system_type (12) or
     * source_addr (20) only when it composes the bind, leaving the connection open, and the SMSC never hears why.
     */
    static String problem(Options o) {
        String[][] limits = {{"smppSystemId", o.systemId(), "15"}, {"smppPassword", o.password(), "8"},
            {"smppSystemType", o.systemType(), "12"}, {"smppSourceAddr", o.sourceAddr(), "20"}};
        for (String[] limit : limits) {
            if (limit[1] != null && limit[1].length() > Integer.parseInt(limit[2])) {
                return limit[0] + " has " + limit[1].length() + " characters; SMPP allows at most " + limit[2];
            }
        }
        return null;
    }

    private final CamelContext camel;
    private final Options options;
    private final SmsReceiver receiver;
    private final String defaultCountry;
    private final ProducerTemplate producer;
    /** Parts of concatenated inbound messages until the last one arrives, oldest first. */
    private final Map<String, String[]> partial = new LinkedHashMap<>();
    /** While the SMSC is unreachable the receiver tries to bind every {@value #REBIND_MILLIS} ms, not at every outbox pass. */
    private long nextBindAttempt;
    private volatile boolean receiverBound;
    private volatile long receiverLostAt;

    SmppGateway(CamelContext camel, Options options, SmsReceiver receiver, String defaultCountry) {
        this.camel = camel;
        this.options = options;
        this.receiver = receiver;
        this.defaultCountry = defaultCountry;
        this.producer = camel.createProducerTemplate();
    }

    /**
     * Adds the routes to a started context. Nothing binds here: the receiving bind comes up at the first
     * {@link #ensureReceiving} on the outbox thread, so that an SMSC that is down, slow or refusing the account never
     * holds the caller (the component's activation, on ConfigAdmin's one event thread).
     */
    void start() throws Exception {
        String uri = options.uri();
        camel.getRegistry().bind(RECEIVER_STATE, (SessionStateListener) this::receiverState);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(OUT).routeId("atrium-sms-smpp-out").to(uri);
                // not started with the context: the consumer binds at start and would fail the whole route set
                // while the SMSC is unreachable. Its own endpoint (another URI) for its own session listener.
                from(uri + "&sessionStateListener=#" + RECEIVER_STATE).routeId(IN_ROUTE).autoStartup(false).process(SmppGateway.this::fromSmsc);
            }
        });
    }

    /** camel-smpp's receiver session changed state (called on jSMPP's and camel-smpp's threads). */
    private void receiverState(SessionState newState, SessionState oldState, Session source) {
        if (newState.isBound()) {
            receiverBound = true;
        } else if (newState == SessionState.CLOSED) {
            receiverBound = false;
            receiverLostAt = System.currentTimeMillis();
        }
    }

    /**
     * Binds the receiver if it is not bound: the route is not started yet (the SMSC was down or refused the bind), or
     * camel-smpp gave up reconnecting a lost bind (its route still says started). Every {@value #REBIND_MILLIS} ms at most.
     */
    void ensureReceiving() {
        ServiceStatus status = camel.getRouteController().getRouteStatus(IN_ROUTE);
        long now = System.currentTimeMillis();
        if (status == null || status.isStarting() || status.isStopping() || now < nextBindAttempt) {
            return;
        }
        boolean gaveUp = status.isStarted() && !receiverBound && now - receiverLostAt > RECONNECT_BUDGET_MILLIS;
        if (status.isStarted() && !gaveUp) {
            return;
        }
        nextBindAttempt = now + REBIND_MILLIS;
        try {
            if (gaveUp) {
                camel.getRouteController().stopRoute(IN_ROUTE);
            }
            camel.getRouteController().startRoute(IN_ROUTE);
            LOG.info("SMPP receiver bound to {}:{}", options.host(), options.port());
        } catch (Exception e) {
            LOG.warn("SMPP receiver cannot bind to {}:{} yet: {}", options.host(), options.port(), org.atriumcrm.integration.api.outbox.OutboxDrainer.reason(e));
        }
    }

    /** Whether the receiver bind is up (for tests and diagnostics). */
    boolean receiving() {
        return receiverBound;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Accepted send(Outgoing message) throws Exception {
        boolean ucs2 = !SmsText.isDefaultAlphabet(message.text());
        Exchange result = producer.send(OUT, exchange -> {
            Message in = exchange.getIn();
            in.setBody(message.text());
            in.setHeader(SmppConstants.DEST_ADDR, message.to().substring(1));
            // camel's defaults (alphabet 0, ISO-8859-1) turn Chinese into '?' without a word: UCS-2 is explicit
            byte coding = ucs2 ? Alphabet.ALPHA_UCS2.value() : Alphabet.ALPHA_DEFAULT.value();
            in.setHeader(SmppConstants.ALPHABET, coding);
            in.setHeader(SmppConstants.DATA_CODING, coding);
        });
        if (result.getException() != null) {
            throw result.getException();
        }
        List<String> ids = result.getMessage().getHeader(SmppConstants.ID, List.class);
        Integer parts = result.getMessage().getHeader(SmppConstants.SENT_MESSAGE_COUNT, Integer.class);
        return new Accepted(ids == null ? List.of() : List.copyOf(ids), parts == null ? SmsText.segments(message.text()) : parts);
    }

    /** What the SMSC delivers on the receiver bind. An exception answers the deliver_sm with an error: the SMSC retries. */
    void fromSmsc(Exchange exchange) {
        Message in = exchange.getIn();
        String type = in.getHeader(SmppConstants.MESSAGE_TYPE, String.class);
        if (SmppMessageType.DeliveryReceipt.toString().equals(type)) {
            String id = in.getHeader(SmppConstants.ID, String.class);
            Object state = in.getHeader(SmppConstants.FINAL_STATUS);
            String error = in.getHeader(SmppConstants.ERROR, String.class);
            String stat = state == null ? "UNKNOWN" : state.toString();
            if (id == null || "ENROUTE".equals(stat) || "ACCEPTD".equals(stat)) {
                return; // not final: the next receipt says how it ended
            }
            receiver.receipt(NAME, id, "DELIVRD".equals(stat), stat + (error == null ? "" : " (error " + error + ")"));
        } else if (SmppMessageType.DeliverSm.toString().equals(type) && in instanceof SmppMessage
                && ((SmppMessage) in).getCommand() instanceof DeliverSm) {
            DeliverSm sm = (DeliverSm) ((SmppMessage) in).getCommand();
            String text = text(sm);
            if (text == null) {
                return; // one part of a longer message; stored when the last part arrives
            }
            String from = number(sm.getSourceAddr(), sm.getSourceAddrTon());
            String to = number(sm.getDestAddress(), sm.getDestAddrTon());
            // deliver_sm carries no message id: an SMSC redelivers only what we did not acknowledge, so every one is new
            receiver.received(NAME, "mo-" + UUID.randomUUID(), from, to, text);
        }
    }

    /**
     * The text of a deliver_sm decoded from its bytes by its data_coding — not camel's body, which is decoded with the
     * endpoint's encoding whatever the data_coding says — and without its user data header; null while parts of a
     * concatenated message are missing.
     */
    private String text(DeliverSm sm) {
        byte[] body = SmppUtils.getMessageBody(sm);
        if (body == null) {
            return "";
        }
        byte[] ref = null;
        int total = 1;
        int seq = 1;
        if (GSMSpecificFeature.UDHI.containedIn(sm.getEsmClass()) && body.length > 0) {
            int udhLength = body[0] & 0xff;
            for (int i = 1; i + 1 < udhLength + 1;) {
                int ie = body[i] & 0xff;
                int len = body[i + 1] & 0xff;
                if ((ie == 0x00 && len == 3 || ie == 0x08 && len == 4) && i + 2 + len <= body.length) {
                    ref = Arrays.copyOfRange(body, i + 2, i + len);
                    total = body[i + len] & 0xff;
                    seq = body[i + len + 1] & 0xff;
                }
                i += 2 + len;
            }
            body = Arrays.copyOfRange(body, Math.min(body.length, udhLength + 1), body.length);
        }
        String part = new String(body, charset(sm.getDataCoding()));
        if (ref == null || total <= 1) {
            return part;
        }
        return assemble(sm.getSourceAddr() + "|" + Arrays.toString(ref) + "|" + total, total, seq, part);
    }

    private synchronized String assemble(String key, int total, int seq, String part) {
        String[] parts = partial.computeIfAbsent(key, k -> new String[total]);
        if (seq >= 1 && seq <= total) {
            parts[seq - 1] = part;
        }
        for (String p : parts) {
            if (p == null) {
                if (partial.size() > MAX_PARTIAL) { // parts whose siblings never came: forget the oldest
                    Iterator<String> oldest = partial.keySet().iterator();
                    oldest.next();
                    oldest.remove();
                }
                return null;
            }
        }
        partial.remove(key);
        return String.join("", parts);
    }

    static Charset charset(byte dataCoding) {
        Alphabet alphabet = Alphabet.parseDataCoding(dataCoding);
        if (alphabet == Alphabet.ALPHA_UCS2) {
            return StandardCharsets.UTF_16BE;
        }
        if (alphabet == Alphabet.ALPHA_IA5) {
            return StandardCharsets.US_ASCII;
        }
        return StandardCharsets.ISO_8859_1;
    }

    private String number(String address, byte ton) {
        if (address == null) {
            return null;
        }
        String raw = ton == TypeOfNumber.INTERNATIONAL.value() && !address.startsWith("+") ? "+" + address : address;
        return PhoneNumbers.e164(raw, defaultCountry).orElse(address);
    }
}

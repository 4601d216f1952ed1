package org.atriumcrm.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitMultiResult;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC inside the container, next to the code it serves: jSMPP's server session API on a fixed port. It accepts
 * every bind, keeps every submit_sm with the message id it answered, and remembers the CRM's receiver bind, over
 * which the test delivers receipts and messages from people. {@link #stop()} drops the listener and every
 * session as a crashed SMSC would; {@link #start()} brings it back on the same port.
 */
final class TestSmsc implements AutoCloseable {
    /** One submit_sm and the id the SMSC answered it with. */
    static final class Submitted {
        final SubmitSm sm;
        final String id;

        Submitted(SubmitSm sm, String id) {
            this.sm = sm;
            this.id = id;
        }
    }

    final int port;
    final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final String idPrefix;
    private final AtomicInteger nextId = new AtomicInteger(1000);
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private volatile SMPPServerSessionListener listener;
    private volatile SMPPServerSession receiver;

    TestSmsc(int port, String idPrefix) {
        this.port = port;
        this.idPrefix = idPrefix;
    }

    synchronized void start() throws IOException {
        SMPPServerSessionListener l = new SMPPServerSessionListener(port);
        listener = l;
        Thread acceptor = new Thread(() -> acceptBinds(l), "itest-smsc-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptBinds(SMPPServerSessionListener l) {
        while (true) {
            SMPPServerSession session;
            try {
                session = l.accept();
            } catch (IOException closed) {
                return;
            }
            sessions.add(session);
            session.setMessageReceiverListener(new Receiver());
            try {
                BindRequest bind = session.waitForBind(5000);
                bind.accept("ITESTSMSC");
                if (bind.getBindType() == BindType.BIND_RX || bind.getBindType() == BindType.BIND_TRX) {
                    receiver = session;
                }
            } catch (Exception e) {
                session.close();
            }
        }
    }

    /** The SMSC is gone: no listener, every session dropped without an unbind. */
    synchronized void stop() {
        receiver = null;
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    @Override
    public void close() {
        stop();
    }

    /** The CRM's current receiver bind, once it bound (again); fails after {@code timeout}. */
    SMPPServerSession receiver(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            SMPPServerSession rx = receiver;
            if (rx != null && rx.getSessionState().isBound()) {
                return rx;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the CRM did not bind as receiver to the SMSC on port " + port + " within " + timeout);
    }

    /** The submit_sm parts whose destination is {@code digits}, once {@code done} holds for them; fails after {@code timeout}. */
    List<Submitted> awaitSubmitted(String digits, Predicate<List<Submitted>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Submitted> to = to(digits);
        while (!done.test(to) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            to = to(digits);
        }
        if (!done.test(to)) {
            throw new AssertionError("the SMSC got " + to.size() + " parts for " + digits + " within " + timeout + "; all destinations: "
                    + submitted.stream().map(s -> s.sm.getDestAddress()).toList());
        }
        return to;
    }

    List<Submitted> to(String digits) {
        List<Submitted> to = new ArrayList<>();
        for (Submitted s : submitted) {
            if (digits.equals(s.sm.getDestAddress())) {
                to.add(s);
            }
        }
        return to;
    }

    /**
     * The text of the parts, decoded by their data_coding and put together by the sequence numbers of their
     * concatenation headers (8-bit or 16-bit reference); every part of a multi-part message must carry one.
     */
    static String reassemble(List<Submitted> parts) {
        if (parts.size() == 1 && !GSMSpecificFeature.UDHI.containedIn(parts.get(0).sm.getEsmClass())) {
            SubmitSm sm = parts.get(0).sm;
            return new String(sm.getShortMessage(), sm.getDataCoding() == 8 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
        }
        Map<Integer, byte[]> bySeq = new TreeMap<>();
        Integer reference = null;
        for (Submitted s : parts) {
            byte[] sm = s.sm.getShortMessage();
            if (!GSMSpecificFeature.UDHI.containedIn(s.sm.getEsmClass())) {
                throw new AssertionError("a part without UDHI");
            }
            int udhl = sm[0] & 0xff;
            int ref;
            int total;
            int seq;
            if (sm[1] == 0x00 && sm[2] == 3) {
                ref = sm[3] & 0xff;
                total = sm[4] & 0xff;
                seq = sm[5] & 0xff;
            } else if (sm[1] == 0x08 && sm[2] == 4) {
                ref = (sm[3] & 0xff) << 8 | sm[4] & 0xff;
                total = sm[5] & 0xff;
                seq = sm[6] & 0xff;
            } else {
                throw new AssertionError("no concatenation header in a part");
            }
            if (reference != null && reference != ref) {
                throw new AssertionError("parts with references " + reference + " and " + ref);
            }
            reference = ref;
            if (total != parts.size()) {
                throw new AssertionError("header says " + total + " parts, the SMSC got " + parts.size());
            }
            bySeq.put(seq, java.util.Arrays.copyOfRange(sm, udhl + 1, sm.length));
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        bySeq.values().forEach(b -> text.write(b, 0, b.length));
        return text.toString(StandardCharsets.UTF_16BE);
    }

    /** A delivery receipt for one message id, as an SMSC sends it on the receiver bind. */
    void receipt(String id, String to, DeliveryReceiptState state) throws Exception {
        String text = new DeliveryReceipt(id, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(), new Date(), state, "000", "")
                .toString();
        receiver(Duration.ofSeconds(10)).deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690001",
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A message from a person's phone, in UCS-2. */
    void deliverUcs2(String fromInternational, String text) throws Exception {
        receiver(Duration.ofSeconds(10)).deliverShortMessage("CMT", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                fromInternational, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690001", new ESMClass(), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), DataCodings.newInstance((byte) 8), text.getBytes(StandardCharsets.UTF_16BE));
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public MessageId onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            try {
                MessageId id = new MessageId(idPrefix + nextId.incrementAndGet());
                submitted.add(new Submitted(submitSm, id.getValue()));
                return id;
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), 8);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }
    }
}

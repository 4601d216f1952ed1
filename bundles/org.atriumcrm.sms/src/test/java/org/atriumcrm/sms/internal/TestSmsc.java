package org.atriumcrm.sms.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitMultiResult;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.MessageId;

/**
 * An SMSC for tests: jSMPP's server session API on a free port. It accepts every bind, keeps every submit_sm
 * (answering with message ids 1001, 1002, ...) and remembers the receiver bind, over which a test delivers
 * receipts and messages from people.
 */
final class TestSmsc implements AutoCloseable {
    final int port;
    final List<SubmitSm> submitted = new CopyOnWriteArrayList<>();
    final List<String> messageIds = new CopyOnWriteArrayList<>();
    private final SMPPServerSessionListener listener;
    private final AtomicInteger nextId = new AtomicInteger(1000);
    private final Thread acceptor;
    private volatile SMPPServerSession receiver;
    /** Set: every bind is refused with "invalid password", as an SMSC answers a wrong account. */
    volatile boolean rejectBinds;
    final java.util.concurrent.atomic.AtomicInteger bindAttempts = new java.util.concurrent.atomic.AtomicInteger();

    TestSmsc() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        acceptor = new Thread(this::acceptBinds, "test-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptBinds() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                SMPPServerSession session = listener.accept();
                session.setMessageReceiverListener(new Receiver());
                var bind = session.waitForBind(5000);
                bindAttempts.incrementAndGet();
                if (rejectBinds) {
                    bind.reject(org.jsmpp.SMPPConstant.STAT_ESME_RINVPASWD);
                    continue;
                }
                bind.accept("TESTSMSC");
                if (bind.getBindType() == BindType.BIND_RX || bind.getBindType() == BindType.BIND_TRX) {
                    receiver = session;
                }
            } catch (Exception e) {
                return; // closed
            }
        }
    }

    /** The session of the CRM's receiver bind, once it bound. */
    SMPPServerSession receiver(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (receiver == null && System.currentTimeMillis() < end) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        if (receiver == null) {
            throw new AssertionError("the CRM never bound as receiver");
        }
        return receiver;
    }

    @Override
    public void close() throws IOException {
        acceptor.interrupt();
        listener.close();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public MessageId onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            submitted.add(submitSm);
            try {
                MessageId id = new MessageId(String.valueOf(nextId.incrementAndGet()));
                messageIds.add(id.getValue());
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

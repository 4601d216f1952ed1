package org.atriumcrm.sms.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.camel.impl.DefaultCamelContext;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The SMPP adapter's routes in a plain Camel context against a jSMPP SMSC, filing into the real stores. */
public class SmppGatewayTest {
    private static final String LONG_CHINESE = "尊敬的客户您好！您在本公司订购的办公家具已经发货，预计三个工作日内送达。"
            + "如需更改送货时间，请回复本短信或致电客服热线。感谢您对我们的信任与支持，祝您工作顺利、生活愉快！";
    private static final SmsOutbox.Policy POLICY = new SmsOutbox.Policy(3, 1, 100, 1000);

    private TestSmsc smsc;
    private DefaultCamelContext camel;
    private SmsFixture crm;
    private SmppGateway gateway;

    @Before
    public void start() throws Exception {
        smsc = new TestSmsc();
        crm = new SmsFixture(Map.of("gateway", "smpp"));
        camel = new DefaultCamelContext();
        camel.start();
        gateway = new SmppGateway(camel, new SmppGateway.Options("localhost", smsc.port, "atrium", "secret", "CRM", "10690001"),
                crm.inbox, "86");
        gateway.start();
        gateway.ensureReceiving();
    }

    @After
    public void stop() throws Exception {
        camel.stop();
        smsc.close();
    }

    @Test
    public void aLongChineseTextGoesAsConcatenatedUcs2PartsThatReassembleToTheOriginal() throws Exception {
        assertTrue(LONG_CHINESE.length() > 70 && LONG_CHINESE.length() <= 134);
        SmsMessage queued = crm.queue("+8613800138000", LONG_CHINESE);
        assertEquals(Long.valueOf(2), queued.getSegments());

        assertEquals(1, crm.outbox.drain(gateway, POLICY));

        List<SubmitSm> parts = smsc.submitted;
        assertEquals(2, parts.size());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte reference = parts.get(0).getShortMessage()[3];
        for (int i = 0; i < parts.size(); i++) {
            SubmitSm part = parts.get(i);
            assertEquals("UCS-2", 8, part.getDataCoding());
            assertEquals("8613800138000", part.getDestAddress());
            assertEquals(TypeOfNumber.INTERNATIONAL.value(), part.getDestAddrTon());
            assertEquals("10690001", part.getSourceAddr());
            assertTrue("UDHI set", GSMSpecificFeature.UDHI.containedIn(part.getEsmClass()));
            byte[] sm = part.getShortMessage();
            assertArrayEquals("UDH: concatenation, 8-bit reference, 2 parts, part " + (i + 1),
                    new byte[] {5, 0, 3, reference, 2, (byte) (i + 1)}, Arrays.copyOf(sm, 6));
            assertTrue("at most 140 octets on the air", sm.length <= 140);
            text.write(sm, 6, sm.length - 6);
        }
        assertEquals("67 characters in the first part", 6 + 67 * 2, parts.get(0).getShortMessage().length);
        assertEquals(LONG_CHINESE, text.toString(StandardCharsets.UTF_16BE));

        SmsMessage sent = crm.store.message(queued.getId());
        assertEquals(SmsMessage.SENT, sent.getStatus());
        assertEquals(String.join(",", smsc.messageIds), sent.getGatewayMessageIds());
        assertEquals(Long.valueOf(2), sent.getSegments());
        assertEquals(SmsOutboxEntry.DELIVERED, crm.entryOf(queued.getId()).getStatus());
    }

    @Test
    public void aPlainTextGoesInTheDefaultAlphabetInOnePart() throws Exception {
        crm.queue("+8613800138000", "Your order 42 has shipped.");
        crm.outbox.drain(gateway, POLICY);
        assertEquals(1, smsc.submitted.size());
        assertEquals(0, smsc.submitted.get(0).getDataCoding());
        assertEquals("Your order 42 has shipped.", new String(smsc.submitted.get(0).getShortMessage(), StandardCharsets.ISO_8859_1));
    }

    @Test
    public void deliveryReceiptsFromTheSmscSetTheStatus() throws Exception {
        SmsMessage delivered = crm.queue("+8613800138000", "您的验证码是 381920");
        SmsMessage undelivered = crm.queue("+8613900139000", "您的验证码是 550127");
        crm.outbox.drain(gateway, POLICY);
        assertEquals(2, smsc.messageIds.size());

        SMPPServerSession rx = smsc.receiver(10_000);
        receipt(rx, smsc.messageIds.get(0), DeliveryReceiptState.DELIVRD, "000");
        receipt(rx, smsc.messageIds.get(1), DeliveryReceiptState.UNDELIV, "011");

        SmsMessage first = await(() -> crm.store.message(delivered.getId()), m -> SmsMessage.DELIVERED.equals(m.getStatus()));
        assertNotNull(first.getDeliveredAt());
        SmsMessage second = await(() -> crm.store.message(undelivered.getId()), m -> SmsMessage.FAILED.equals(m.getStatus()));
        assertTrue(second.getFailureReason(), second.getFailureReason().contains("UNDELIV") && second.getFailureReason().contains("011"));
        assertNull(second.getDeliveredAt());
    }

    @Test
    public void anInboundUcs2MessageIsDecodedAndLinkedToTheContactByItsMobileInAnyForm() throws Exception {
        Person zhang = crm.contact("张三", "+86 138-0013-8000", false);
        crm.contact("李四", "139 0013 8000", false); // same last digits, another number
        SMPPServerSession rx = smsc.receiver(10_000);
        String reply = "你好，我想了解一下新款办公椅的价格，谢谢！";
        rx.deliverShortMessage("CMT", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "8613800138000",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690001", new ESMClass(), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), DataCodings.newInstance((byte) 8), reply.getBytes(StandardCharsets.UTF_16BE));

        SmsMessage in = await(() -> crm.inbound().stream().findFirst().orElse(null), m -> true);
        assertEquals(reply, in.getText());
        assertEquals("+8613800138000", in.getFromNumber());
        assertEquals(SmsMessage.INBOUND, in.getDirection());
        assertEquals(SmsMessage.RECEIVED, in.getStatus());
        assertEquals(zhang.getId(), in.getContactId());
        assertEquals("the contact's owner answers it", zhang.getOwnerId(), in.getOwnerId());
    }

    @Test
    public void aConcatenatedInboundMessageIsStoredOnceWhenItsLastPartArrives() throws Exception {
        SMPPServerSession rx = smsc.receiver(10_000);
        String whole = "这是一条很长的回复短信，".repeat(7);
        byte[] bytes = whole.getBytes(StandardCharsets.UTF_16BE);
        int half = bytes.length / 2 / 2 * 2;
        ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
        for (int part = 1; part <= 2; part++) {
            byte[] data = part == 1 ? Arrays.copyOfRange(bytes, 0, half) : Arrays.copyOfRange(bytes, half, bytes.length);
            byte[] sm = new byte[6 + data.length];
            System.arraycopy(new byte[] {5, 0, 3, 77, 2, (byte) part}, 0, sm, 0, 6);
            System.arraycopy(data, 0, sm, 6, data.length);
            rx.deliverShortMessage("CMT", TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, "13700137000",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690001", udhi, (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), DataCodings.newInstance((byte) 8), sm);
        }
        SmsMessage in = await(() -> crm.inbound().stream().findFirst().orElse(null), m -> true);
        assertEquals(whole, in.getText());
        assertEquals("+8613700137000", in.getFromNumber());
        assertNull("nobody has this number", in.getContactId());
        assertEquals(1, crm.inbound().size());
    }

    @Test(timeout = 60_000)
    public void anSmscThatRefusesTheBindNeitherHangsTheStartNorTheOutboxAndIsUsedOnceItAccepts() throws Exception {
        camel.stop();
        smsc.rejectBinds = true;
        camel = new DefaultCamelContext();
        camel.start();
        SmppGateway refused = new SmppGateway(camel, new SmppGateway.Options("localhost", smsc.port, "atrium", "wrong", "CRM", "10690001"),
                crm.inbox, "86");
        long start = System.nanoTime();
        refused.start();
        refused.ensureReceiving();
        assertTrue("start and a refused receiver bind return", System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        assertTrue(!refused.receiving());
        SmsMessage queued = crm.queue("+8613800138000", "您的验证码是 381920");
        start = System.nanoTime();
        assertEquals(0, crm.outbox.drain(refused, POLICY));
        assertTrue("a refused bind is a failed attempt, not a hang", System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        SmsOutboxEntry entry = crm.entryOf(queued.getId());
        assertEquals(SmsOutboxEntry.PENDING, entry.getStatus());
        assertEquals(Long.valueOf(1), entry.getAttempts());
        assertTrue(entry.getLastError(), entry.getLastError().contains("Invalid Password"));

        // the account is put right at the SMSC: the next attempt sends, the receiver binds at its next turn
        smsc.rejectBinds = false;
        await(() -> {
            try {
                crm.outbox.drain(refused, POLICY);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return crm.store.message(queued.getId());
        }, m -> SmsMessage.SENT.equals(m.getStatus()));
        assertEquals(1, smsc.submitted.size());
    }

    @Test
    public void anAccountSmppCannotCarryIsNamedBeforeAnyBind() {
        assertNull(SmppGateway.problem(new SmppGateway.Options("smsc", 2775, "atrium", "secret12", "CRM", "10690001")));
        assertNull(SmppGateway.problem(new SmppGateway.Options("smsc", 2775, "atrium", "", "", null)));
        String problem = SmppGateway.problem(new SmppGateway.Options("smsc", 2775, "atrium", "Smsc-Secret-1", "CRM", "10690001"));
        assertTrue(problem, problem.startsWith("smppPassword has 13 characters") && problem.endsWith("at most 8"));
        assertTrue(SmppGateway.problem(new SmppGateway.Options("smsc", 2775, "a-very-long-system-id", "x", "", "")).startsWith("smppSystemId"));
    }

    private static void receipt(SMPPServerSession rx, String id, DeliveryReceiptState state, String error) throws Exception {
        String text = new DeliveryReceipt(id, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(), new Date(), state, error, "")
                .toString();
        rx.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "8613800138000",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690001",
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Polls until the condition holds (at most 10 s): the SMSC's deliveries are filed on camel-smpp's threads. */
    static <T> T await(Supplier<T> value, java.util.function.Predicate<T> condition) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        T v = value.get();
        while ((v == null || !condition.test(v)) && System.currentTimeMillis() < end) {
            TimeUnit.MILLISECONDS.sleep(50);
            v = value.get();
        }
        if (v == null || !condition.test(v)) {
            throw new AssertionError("not within 10 s; last seen " + v);
        }
        return v;
    }
}

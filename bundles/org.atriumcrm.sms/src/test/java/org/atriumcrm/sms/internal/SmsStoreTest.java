package org.atriumcrm.sms.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.junit.Test;

/** The outbox in the same transaction as the message, bulk batches, idempotent inbound, receipts and the webhook. */
public class SmsStoreTest {
    private final SmsFixture crm = new SmsFixture(Map.of("inboundSecret", "s3cret-for-the-provider"));

    private long count(String entity) {
        return crm.jpa.txExpr(em -> em.createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class).getSingleResult());
    }

    @Test
    public void aQueuedMessageAndItsOutboxEntryAreWrittenTogetherOrNotAtAll() {
        SmsMessage sms = crm.queue("+8613800138000", "您好");
        SmsOutboxEntry entry = crm.entryOf(sms.getId());
        assertEquals(SmsOutboxEntry.PENDING, entry.getStatus());
        assertEquals(SmsMessage.QUEUED, sms.getStatus());
        assertEquals(SmsMessage.OUTBOUND, sms.getDirection());
        assertEquals(SmsFixture.ALICE.userId(), entry.getOwnerId());

        List<SmsStore.Recipient> batch = new ArrayList<>();
        batch.add(new SmsStore.Recipient("+8613900139000", null, null, null));
        batch.add(new SmsStore.Recipient("+86139001390001234567890123456", null, null, null)); // longer than the column
        try {
            crm.store.queueBulk(batch, "会议提醒", null, SmsFixture.ALICE);
            fail("a number longer than its column fails the batch");
        } catch (RuntimeException expected) {
            // the database refused the row
        }
        assertEquals("nothing of the failed batch", 1, count("SmsMessage"));
        assertEquals(1, count("SmsOutboxEntry"));
    }

    @Test
    public void aBulkSendWritesOneMessageAndEntryPerRecipientAcrossBatches() {
        List<SmsStore.Recipient> people = new ArrayList<>();
        for (int i = 0; i < SmsStore.BATCH * 2 + 50; i++) {
            people.add(new SmsStore.Recipient(String.format("+86138%08d", i), null, null, null));
        }
        List<String> ids = crm.store.queueBulk(people, "双十一活动：全场八折，回复TD退订", "10690001", SmsFixture.ALICE);
        assertEquals(people.size(), ids.size());
        assertEquals(people.size(), count("SmsMessage"));
        assertEquals(people.size(), count("SmsOutboxEntry"));
        SmsMessage last = crm.store.message(ids.get(ids.size() - 1));
        assertEquals(people.get(people.size() - 1).toNumber(), last.getToNumber());
        assertEquals("10690001", last.getFromNumber());
        assertEquals(Long.valueOf(1), last.getSegments());
    }

    @Test
    public void messagesAreOnlyWrittenBySendingAndTheirTextNeverChanges() {
        Map<String, Object> values = new HashMap<>();
        values.put("toNumber", "+8613800138000");
        values.put("text", "hand-made");
        try {
            crm.store.create(values, SmsFixture.ALICE);
            fail();
        } catch (AtriumException e) {
            assertEquals(409, e.status());
            assertEquals("sms-send-only", e.problemType());
        }
        SmsMessage sms = crm.queue("+8613800138000", "原文");
        try {
            crm.store.update(sms.getId(), null, Map.of("text", "改过的"), SmsFixture.ALICE);
            fail();
        } catch (AtriumException e) {
            assertEquals(409, e.status());
        }
        assertEquals("原文", crm.store.message(sms.getId()).getText());
    }

    @Test
    public void anInboundMessageIsStoredOnceHoweverOftenItComes() {
        Person wang = crm.contact("王五", "0086 137 0013 7000", false);
        String first = crm.inbox.received("http", "prov-77", "13700137000", "10690001", "收到，谢谢");
        String again = crm.inbox.received("http", "prov-77", "13700137000", "10690001", "收到，谢谢");
        assertEquals(first, again);
        assertEquals(1, crm.inbound().size());
        SmsMessage in = crm.inbound().get(0);
        assertEquals(wang.getId(), in.getContactId());
        assertEquals("+8613700137000", in.getFromNumber());
        assertEquals("+8610690001", in.getToNumber());
        assertNotNull(in.getReceivedAt());
        String other = crm.inbox.received("smpp", "prov-77", "13700137000", "10690001", "another gateway, another id space");
        assertFalse(first.equals(other));
    }

    @Test
    public void aReceiptThatOvertakesTheSendIsAppliedWhenTheSendCommits() {
        SmsMessage sms = crm.queue("+8613800138000", "订单已签收");
        crm.inbox.receipt("smpp", "5001", true, "DELIVRD");
        assertEquals(SmsMessage.QUEUED, crm.store.message(sms.getId()).getStatus());

        crm.store.sent(crm.entryOf(sms.getId()).getId(), "smpp", new SmsGateway.Accepted(List.of("5001"), 1));
        crm.inbox.afterSent("smpp", List.of("5001"));
        assertEquals(SmsMessage.DELIVERED, crm.store.message(sms.getId()).getStatus());
    }

    @Test
    public void aFailedPartFailsTheMessageEvenIfAnotherPartWasDelivered() {
        SmsMessage sms = crm.queue("+8613800138000", "长".repeat(100));
        crm.store.sent(crm.entryOf(sms.getId()).getId(), "smpp", new SmsGateway.Accepted(List.of("6001", "6002"), 2));
        assertTrue(crm.store.receipt("smpp", "6002", false, "UNDELIV"));
        assertTrue(crm.store.receipt("smpp", "6001", true, "DELIVRD"));
        SmsMessage stored = crm.store.message(sms.getId());
        assertEquals(SmsMessage.FAILED, stored.getStatus());
        assertEquals("delivery receipt: UNDELIV", stored.getFailureReason());
        assertFalse("unknown id", crm.store.receipt("smpp", "7777", true, "DELIVRD"));
    }

    @Test
    public void optOutsAreFoundByNumberWhateverWayItWasTyped() {
        crm.contact("赵六", "+86 139-0013-9000", true);
        crm.contact("钱七", "13900138000", false);
        assertTrue(crm.recipients.numberOptedOut("+8613900139000", "86"));
        assertFalse(crm.recipients.numberOptedOut("+8613900138000", "86"));
        assertFalse(crm.recipients.numberOptedOut("+8613100139000", "86"));
    }

    @Test
    public void theWebhookWantsTheSharedSecretAndFilesMessagesAndReceiptsOnce() {
        SmsWebhookEndpoint webhook = new SmsWebhookEndpoint(crm.inbox, crm.config, null);
        Map<String, String> message = new LinkedHashMap<>(Map.of("messageId", "up-1", "from", "+86 138 0013 8000", "to", "10690001",
                "text", "请回电"));
        for (String wrong : new String[] {null, "", "s3cret-for-the-provideR", "s3cret-for-the-provider "}) {
            try {
                webhook.accept(message, wrong);
                fail("secret " + wrong);
            } catch (AtriumException e) {
                assertEquals(403, e.status());
            }
        }
        assertEquals(0, crm.inbound().size());
        assertFalse("an empty configured secret closes the webhook", SmsWebhookEndpoint.sameSecret("", ""));

        webhook.accept(message, "s3cret-for-the-provider");
        webhook.accept(message, "s3cret-for-the-provider");
        assertEquals(1, crm.inbound().size());
        assertEquals("请回电", crm.inbound().get(0).getText());

        SmsMessage sms = crm.queue("+8613800138000", "您的快递已到");
        crm.store.sent(crm.entryOf(sms.getId()).getId(), "http", new SmsGateway.Accepted(List.of("biz-9"), 1));
        webhook.accept(Map.of("type", "receipt", "messageId", "biz-9", "status", "delivered"), "s3cret-for-the-provider");
        assertEquals(SmsMessage.DELIVERED, crm.store.message(sms.getId()).getStatus());

        try {
            webhook.accept(Map.of("messageId", "up-2", "from", "13800138000", "body", "x"), "s3cret-for-the-provider");
            fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertEquals("body", e.errors().get(0).field());
        }
    }
}

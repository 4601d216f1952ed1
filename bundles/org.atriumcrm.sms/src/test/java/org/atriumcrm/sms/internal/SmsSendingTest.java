package org.atriumcrm.sms.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.security.internal.AccessService;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The send actions' checks with the real access policy: strict bodies, opt-outs, bulk reports. */
public class SmsSendingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SmsFixture crm = new SmsFixture(Map.of());
    private final SmsSending sending = new SmsSending(crm.store, new AccessService(crm.jpa), crm.recipients, crm.config, null);

    private static JsonNode body(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private long count(String entity) {
        return crm.jpa.txExpr(em -> em.createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class).getSingleResult());
    }

    @Test
    @SuppressWarnings("unchecked")
    public void aSendQueuesOneMessagePerNumberLinkedToTheContactNamed() {
        Person li = crm.contact("李雷", "138-0013-8000", false);
        crm.contacts.update(li.getId(), null, Map.of("accountId", "01a00000-0000-7000-8000-00000000000a"), SmsFixture.ALICE);
        Map<String, Object> answer = sending.send(body("{'to':['+86 139 0013 9000','8613800138000'],'contactId':'" + li.getId()
                + "','text':'李先生您好，您预约的试驾安排在周六上午。'}"), Caller.SYSTEM);
        assertEquals("the typed number equal to the contact's mobile is one message", 2, answer.get("total"));
        List<JsonNode> items = (List<JsonNode>) answer.get("items");
        JsonNode toContact = items.stream().filter(i -> i.get("toNumber").asText().equals("+8613800138000")).findFirst().orElseThrow();
        assertEquals(li.getId(), toContact.get("contactId").asText());
        assertEquals("01a00000-0000-7000-8000-00000000000a", toContact.get("accountId").asText());
        assertEquals("queued", toContact.get("status").asText());
        assertEquals(2, count("SmsOutboxEntry"));
    }

    @Test
    public void everyProblemOfABodyIsAnsweredAtOnce() {
        try {
            sending.send(body("{'to':['12ab', 5],'cc':['x'],'contactId':'" + RecordIds.next() + "'}"), Caller.SYSTEM);
            fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            Set<String> fields = e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
            assertEquals(Set.of("to", "cc", "text", "contactId"), fields);
        }
        try {
            sending.send(body("{'to':['13800138000'],'text':'" + "长".repeat(SmsTypes.MAX_TEXT + 1) + "'}"), Caller.SYSTEM);
            fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertEquals("text", e.errors().get(0).field());
        }
        assertEquals(0, count("SmsMessage"));
    }

    @Test
    public void aPersonWhoOptedOutIsAConflictByRecordAndByTypedNumber() {
        Person no = crm.contact("韩梅梅", "+86 137 0013 7000", true);
        for (String request : new String[] {"{'contactId':'" + no.getId() + "','text':'促销'}", "{'to':['13700137000'],'text':'促销'}"}) {
            try {
                sending.send(body(request), Caller.SYSTEM);
                fail(request);
            } catch (AtriumException e) {
                assertEquals(409, e.status());
                assertEquals("do-not-sms", e.problemType());
            }
        }
        assertEquals(0, count("SmsMessage"));
    }

    @Test
    public void withoutTheCreateRightNobodySends() {
        Caller bob = new Caller("00000000-0000-7000-8000-000000000002", "bob");
        try {
            sending.send(body("{'to':['13800138000'],'text':'hi'}"), bob);
            fail();
        } catch (AtriumException e) {
            assertEquals(403, e.status());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void aBulkSendSkipsAndReportsWhoCannotBeTexted() {
        Person a = crm.contact("甲", "13800138001", false);
        Person b = crm.contact("乙", "13800138002", true);
        Person c = crm.contact("丙", null, false);
        Person d = crm.contact("丁", "+86 138 0013 8001", false);
        String gone = RecordIds.next();
        Map<String, Object> answer = sending.sendBulk(body("{'contactIds':['" + a.getId() + "','" + b.getId() + "','" + c.getId() + "','"
                + d.getId() + "','" + gone + "'],'text':'年终答谢会邀请：12月20日晚六点，期待您的光临。'}"), Caller.SYSTEM);
        assertEquals(1, answer.get("queued"));
        assertEquals(1, ((List<String>) answer.get("messageIds")).size());
        Map<String, String> reasons = ((List<Map<String, Object>>) answer.get("skipped")).stream()
                .collect(Collectors.toMap(m -> (String) m.get("id"), m -> (String) m.get("reason")));
        assertEquals(Map.of(b.getId(), "do-not-sms", c.getId(), "no-mobile", d.getId(), "same-number", gone, "not-found"), reasons);
        assertEquals(a.getId(), crm.store.message(((List<String>) answer.get("messageIds")).get(0)).getContactId());

        StringBuilder tooMany = new StringBuilder("{'contactIds':[");
        for (int i = 0; i <= SmsSending.MAX_PEOPLE; i++) {
            tooMany.append(i == 0 ? "" : ",").append('\'').append(RecordIds.next()).append('\'');
        }
        try {
            sending.sendBulk(body(tooMany + "],'text':'x'}"), Caller.SYSTEM);
            fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertTrue(e.errors().get(0).message(), e.errors().get(0).message().contains("at most 10000"));
        }
        try {
            sending.sendBulk(body("{'contactIds':['" + a.getId() + "'],'leadIds':[],'text':'x','segments':2}"), Caller.SYSTEM);
            fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertEquals("segments", e.errors().get(0).field());
        }
    }
}

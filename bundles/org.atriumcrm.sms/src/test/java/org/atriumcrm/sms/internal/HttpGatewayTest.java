package org.atriumcrm.sms.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The HTTP adapter through camel-http against a real HTTP server playing a provider's API, with the real outbox. */
public class HttpGatewayTest {
    private static final String OK = "{\"code\":\"OK\",\"bizId\":\"900311^1234\"}";

    /** One request as the provider saw it. */
    record Request(String method, String path, String query, String contentType, String authorization, String body) {
    }

    private HttpServer provider;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Answers, in order: status and body; the last one repeats. */
    private final ConcurrentLinkedQueue<Object[]> answers = new ConcurrentLinkedQueue<>();
    private DefaultCamelContext camel;
    private SmsFixture crm;

    @Before
    public void start() throws Exception {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/sms/send", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(body, StandardCharsets.UTF_8)));
            Object[] answer = answers.size() > 1 ? answers.poll() : answers.peek();
            byte[] out = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders((Integer) answer[0], out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        provider.start();
        camel = new DefaultCamelContext();
        camel.start();
        crm = new SmsFixture(Map.of("gateway", "http"));
    }

    @After
    public void stop() throws Exception {
        camel.stop();
        provider.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + "/sms/send?account=crm&region=cn-hangzhou";
    }

    private HttpGateway json(String successPattern) {
        return new HttpGateway(camel, new HttpGateway.Options(url(), "POST",
                "{\"phone\":\"{{to}}\",\"sign\":\"{{signature}}\",\"template\":\"{{templateCode}}\",\"content\":\"{{signature}}{{text}}\"}",
                true, "Authorization: Bearer k-123", successPattern, "\"bizId\"\\s*:\\s*\"([^\"]+)\"", "【阿特里】", "SMS_0042"));
    }

    private void answer(int status, String body) {
        answers.add(new Object[] {status, body});
    }

    @Test
    public void theRequestFollowsTheTemplateAndTheProvidersIdIsKept() throws Exception {
        answer(200, OK);
        String text = "王经理您好：报价单 \"Q-2024-07\" 已发送，\n请查收。";
        SmsMessage queued = crm.queue("+8613800138000", text);

        assertEquals(1, crm.outbox.drain(json("\"code\"\\s*:\\s*\"OK\""), new SmsOutbox.Policy(3, 1, 50, 1000)));

        assertEquals(1, requests.size());
        Request r = requests.get(0);
        assertEquals("POST", r.method());
        assertEquals("account=crm&region=cn-hangzhou", r.query());
        assertTrue(r.contentType(), r.contentType().startsWith("application/json"));
        assertEquals("Bearer k-123", r.authorization());
        JsonNode sent = new ObjectMapper().readTree(r.body());
        assertEquals("+8613800138000", sent.get("phone").asText());
        assertEquals("【阿特里】", sent.get("sign").asText());
        assertEquals("SMS_0042", sent.get("template").asText());
        assertEquals("【阿特里】" + text, sent.get("content").asText());

        SmsMessage stored = crm.store.message(queued.getId());
        assertEquals(SmsMessage.SENT, stored.getStatus());
        assertEquals("http", stored.getGateway());
        assertEquals("900311^1234", stored.getGatewayMessageIds());
    }

    @Test
    public void aFormTemplateIsUrlEncodedInUtf8() throws Exception {
        answer(200, OK);
        crm.queue("+8613800138000", "验证码 1234 & 5678");
        HttpGateway form = new HttpGateway(camel, new HttpGateway.Options(url(), "POST", "mobile={{toDigits}}&msg={{signature}}{{text}}",
                false, "", "", "", "【阿特里】", ""));
        crm.outbox.drain(form, new SmsOutbox.Policy(3, 1, 50, 1000));
        Request r = requests.get(0);
        assertTrue(r.contentType(), r.contentType().startsWith("application/x-www-form-urlencoded"));
        assertTrue(r.body(), r.body().startsWith("mobile=8613800138000&msg="));
        assertEquals("【阿特里】验证码 1234 & 5678", URLDecoder.decode(r.body().substring(r.body().indexOf("msg=") + 4), StandardCharsets.UTF_8));
    }

    @Test
    public void anErrorStatusOrAnAnswerWithoutTheSuccessPatternIsRetriedWithBackOff() throws Exception {
        answer(500, "{\"message\":\"internal error\"}");
        answer(200, "{\"code\":\"isv.BUSINESS_LIMIT_CONTROL\"}");
        answer(200, OK);
        SmsMessage queued = crm.queue("+8613800138000", "明天上午十点的会议改到下午两点。");
        HttpGateway gateway = json("\"code\"\\s*:\\s*\"OK\"");
        SmsOutbox.Policy policy = new SmsOutbox.Policy(5, 1, 50, 1000);

        assertEquals(0, crm.outbox.drain(gateway, policy));
        SmsOutboxEntry afterFirst = crm.entryOf(queued.getId());
        assertEquals(SmsOutboxEntry.PENDING, afterFirst.getStatus());
        assertEquals(Long.valueOf(1), afterFirst.getAttempts());
        assertTrue(afterFirst.getLastError(), afterFirst.getLastError().contains("HTTP 500"));
        assertTrue("backs off", afterFirst.getNextAttemptAt().isAfter(Instant.now()));
        assertEquals("not due yet: nothing sent", 0, crm.outbox.drain(gateway, policy));
        assertEquals(1, requests.size());

        waitUntil(afterFirst.getNextAttemptAt());
        assertEquals(0, crm.outbox.drain(gateway, policy));
        SmsOutboxEntry afterSecond = crm.entryOf(queued.getId());
        assertTrue(afterSecond.getLastError(), afterSecond.getLastError().contains("isv.BUSINESS_LIMIT_CONTROL"));
        assertTrue("waits twice as long", afterSecond.getNextAttemptAt().isAfter(afterSecond.getModifiedAt().plusMillis(1500)));

        waitUntil(afterSecond.getNextAttemptAt());
        assertEquals(1, crm.outbox.drain(gateway, policy));
        assertEquals(3, requests.size());
        assertEquals(SmsMessage.SENT, crm.store.message(queued.getId()).getStatus());
        SmsOutboxEntry done = crm.entryOf(queued.getId());
        assertEquals(SmsOutboxEntry.DELIVERED, done.getStatus());
        assertEquals(Long.valueOf(3), done.getAttempts());
        assertNull(done.getLastError());
    }

    @Test
    public void afterMaxAttemptsTheMessageIsADeadLetterThatAReplaySends() throws Exception {
        answer(503, "busy");
        answer(503, "busy");
        answer(200, OK);
        SmsMessage queued = crm.queue("+8613800138000", "会员积分即将到期");
        HttpGateway gateway = json("");
        SmsOutbox.Policy policy = new SmsOutbox.Policy(2, 1, 50, 1000);
        crm.outbox.drain(gateway, policy);
        waitUntil(crm.entryOf(queued.getId()).getNextAttemptAt());
        crm.outbox.drain(gateway, policy);

        SmsOutboxEntry dead = crm.entryOf(queued.getId());
        assertEquals(SmsOutboxEntry.DEAD, dead.getStatus());
        SmsMessage failed = crm.store.message(queued.getId());
        assertEquals(SmsMessage.FAILED, failed.getStatus());
        assertTrue(failed.getFailureReason(), failed.getFailureReason().contains("HTTP 503"));
        assertEquals("a dead letter is not retried", 0, crm.outbox.drain(gateway, policy));

        crm.store.replay(dead.getId(), SmsFixture.ALICE);
        assertEquals(SmsMessage.QUEUED, crm.store.message(queued.getId()).getStatus());
        assertEquals(1, crm.outbox.drain(gateway, policy));
        assertEquals(SmsMessage.SENT, crm.store.message(queued.getId()).getStatus());
        try {
            crm.store.replay(dead.getId(), SmsFixture.ALICE);
            throw new AssertionError("a delivered entry is not replayed");
        } catch (org.atriumcrm.api.error.AtriumException e) {
            assertEquals(409, e.status());
        }
    }

    @Test
    public void theThrottleSpacesTheMessages() throws Exception {
        answer(200, OK);
        for (int i = 0; i < 6; i++) {
            crm.queue("+861380013800" + i, "活动通知 " + i);
        }
        long start = System.nanoTime();
        assertEquals(6, crm.outbox.drain(json(""), new SmsOutbox.Policy(3, 1, 10, 1000)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue("6 messages at 10 per second take at least 500 ms, took " + millis, millis >= 490);
        assertEquals(6, requests.size());
    }

    private static void waitUntil(Instant due) throws InterruptedException {
        long wait = due.toEpochMilli() - System.currentTimeMillis() + 50;
        if (wait > 0) {
            TimeUnit.MILLISECONDS.sleep(wait);
        }
    }
}

package org.atriumcrm.erp.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpAdapter;
import org.atriumcrm.erp.internal.ErpFailure;
import org.atriumcrm.erp.internal.PullCursor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The generic JSON-over-HTTP type against WireMock as the ERP: the credentials of each auth mode (the HMAC computed
 * here independently), the Idempotency-Key, a body made from a template, what each status means for the outbox,
 * and pulls page by page with members found by JSON Pointer and the cursor moved on.
 */
public class HttpJsonTypeTest {
    private WireMockServer erp;
    private HttpJsonType type;

    @Before
    public void setUp() {
        erp = new WireMockServer(options().dynamicPort());
        erp.start();
        type = new HttpJsonType(null, null);
    }

    @After
    public void tearDown() {
        erp.stop();
    }

    private ConnectorConfig config(String secret, String... settings) {
        Map<String, String> s = new HashMap<>(Map.of("baseUrl", erp.baseUrl() + "/api/v1/", "timeoutSeconds", "5"));
        for (int i = 0; i < settings.length; i += 2) {
            s.put(settings[i], settings[i + 1]);
        }
        return new ConnectorConfig("c-http", "金蝶网关", HttpJsonType.ID, s, secret);
    }

    private static Canonical order() {
        Canonical m = Canonical.of(Canonical.SALES_ORDER, "so-1");
        m.body().put("id", "so-1").put("number", "SO-2026-0042").put("status", "confirmed").put("subject", "他说 \"加急\"\\发货")
                .put("messageId", "msg-7f3a");
        m.body().putObject("customer").put("id", "acc-1").put("name", "上海示例贸易有限公司");
        m.body().putArray("lines").addObject().put("sku", "CHAIR-01").put("quantity", "2").put("unitPrice", "1200.00");
        m.body().putObject("totals").put("grandTotal", "2712.00");
        return m;
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private LoggedRequest only(String path) {
        List<LoggedRequest> found = erp.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, found.size());
        return found.get(0);
    }

    @Test
    public void basicAuthCarriesTheCanonicalJsonAndTheIdempotencyKey() throws Exception {
        erp.stubFor(post(urlPathEqualTo("/api/v1/orders")).willReturn(aResponse().withStatus(201)));
        type.send(config("密码-1", "auth", "basic", "username", "atrium"), order(), null);
        String basic = "Basic " + Base64.getEncoder().encodeToString("atrium:密码-1".getBytes(StandardCharsets.UTF_8));
        erp.verify(postRequestedFor(urlPathEqualTo("/api/v1/orders")).withHeader("Authorization", equalTo(basic))
                .withHeader("Idempotency-Key", equalTo("msg-7f3a")).withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(order().body().toString())));
    }

    @Test
    public void bearerAuthAndTheConfiguredPath() throws Exception {
        erp.stubFor(post(urlPathEqualTo("/api/v1/partners")).willReturn(aResponse().withStatus(204)));
        Canonical customer = Canonical.of(Canonical.CUSTOMER, "acc-1");
        customer.body().put("name", "上海示例贸易有限公司").put("messageId", "msg-c1");
        type.send(config("tok-123", "auth", "bearer", "path.customer", "/partners"), customer, null);
        erp.verify(postRequestedFor(urlPathEqualTo("/api/v1/partners")).withHeader("Authorization", equalTo("Bearer tok-123"))
                .withHeader("Idempotency-Key", equalTo("msg-c1")).withHeader("X-Signature", absent()));
    }

    @Test
    public void hmacSignsTheTimestampAndTheExactBytesSent() throws Exception {
        erp.stubFor(post(urlPathEqualTo("/api/v1/orders")).willReturn(aResponse().withStatus(200)));
        type.send(config("hmac-密钥", "auth", "hmac"), order(), null);
        LoggedRequest signed = only("/api/v1/orders");
        String timestamp = signed.getHeader("X-Timestamp");
        assertTrue(timestamp, Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000) < 60);
        String raw = new String(signed.getBody(), StandardCharsets.UTF_8);
        assertEquals(hmac("hmac-密钥", timestamp + "." + raw), signed.getHeader("X-Signature"));
        assertNull(signed.getHeader("Authorization"));

        erp.resetRequests();
        type.send(config("hmac-密钥", "auth", "hmac", "signature", "body"), order(), null);
        LoggedRequest bodyOnly = only("/api/v1/orders");
        assertEquals(hmac("hmac-密钥", new String(bodyOnly.getBody(), StandardCharsets.UTF_8)), bodyOnly.getHeader("X-Signature"));
    }

    @Test
    public void aTemplateMakesTheBodyWithValuesQuotedAsTheirPlaceWants() throws Exception {
        erp.stubFor(post(urlPathEqualTo("/api/v1/orders")).willReturn(aResponse().withStatus(200)));
        String template = "{\"ref\": \"{{number}}\", \"buyer\": {\"name\": \"{{ customer.name }}\"}, \"total\": {{totals.grandTotal}},"
                + " \"firstSku\": \"{{lines.0.sku}}\", \"lines\": {{lines}}, \"note\": \"{{subject}}\", \"missing\": {{nothing.here}}}";
        type.send(config("t", "auth", "bearer", "template.salesOrder", template), order(), null);
        erp.verify(postRequestedFor(urlPathEqualTo("/api/v1/orders")).withHeader("Idempotency-Key", equalTo("msg-7f3a")).withRequestBody(equalToJson(
                "{\"ref\": \"SO-2026-0042\", \"buyer\": {\"name\": \"上海示例贸易有限公司\"}, \"total\": 2712.00, \"firstSku\": \"CHAIR-01\","
                        + " \"lines\": [{\"sku\": \"CHAIR-01\", \"quantity\": \"2\", \"unitPrice\": \"1200.00\"}], \"note\": \"他说 \\\"加急\\\"\\\\发货\","
                        + " \"missing\": null}")));

        try {
            type.send(config("t", "template.salesOrder", "{\"ref\": {{number}}"), order(), null);
            fail("a template that makes no JSON was sent");
        } catch (ErpFailure f) {
            assertFalse(f.retryable());
            assertTrue(f.getMessage(), f.getMessage().contains("template.salesOrder"));
        }
    }

    @Test
    public void busyIsRetriedAfterItsRetryAfterServerErrorsLaterAndRefusalsNever() throws Exception {
        erp.stubFor(post(urlPathEqualTo("/api/v1/orders")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        ErpFailure busy = failure(config("t"));
        assertTrue(busy.retryable());
        assertEquals(Duration.ofSeconds(7), busy.retryAfter());

        erp.stubFor(post(urlPathEqualTo("/api/v1/orders")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
        assertEquals(Duration.ofSeconds(120), failure(config("t")).retryAfter());

        erp.stubFor(post(urlPathEqualTo("/api/v1/orders")).willReturn(aResponse().withStatus(502)));
        ErpFailure away = failure(config("t"));
        assertTrue(away.retryable());
        assertNull(away.retryAfter());

        erp.stubFor(post(urlPathEqualTo("/api/v1/orders")).willReturn(aResponse().withStatus(422)
                .withBody("{\"error\": \"客户编码不存在\", \"field\": \"customer\"}")));
        ErpFailure refused = failure(config("t"));
        assertFalse(refused.retryable());
        assertTrue(refused.getMessage(), refused.getMessage().contains("HTTP 422") && refused.getMessage().contains("客户编码不存在"));

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ErpFailure unreachable = failure(new ConnectorConfig("c-x", "x", HttpJsonType.ID, Map.of("baseUrl", "http://127.0.0.1:" + closed), "t"));
        assertTrue(unreachable.getMessage(), unreachable.retryable());
    }

    private ErpFailure failure(ConnectorConfig config) {
        try {
            type.send(config, order(), null);
        } catch (ErpFailure f) {
            return f;
        }
        throw new AssertionError("sent");
    }

    @Test
    public void productsArePulledPageByPageWithMappedMembersAndTheCursorMovesOn() throws Exception {
        erp.stubFor(get(urlPathEqualTo("/api/v1/goods")).withQueryParam("page", equalTo("1")).withHeader("Authorization", equalTo("Bearer t"))
                .willReturn(okJson("{\"data\": [{\"code\": \"CHAIR-01\", \"title\": \"人体工学椅\", \"price\": {\"amount\": 1200.50, \"currency\": \"CNY\"},"
                        + " \"changed\": \"2026-12-01T08:00:00+08:00\"}, {\"code\": \"DESK-02\", \"title\": \"升降桌\", \"price\": {\"amount\": \"2999\"},"
                        + " \"changed\": \"2026-12-01T01:30:00Z\"}]}")));
        erp.stubFor(get(urlPathEqualTo("/api/v1/goods")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("{\"data\": [{\"code\": \"LAMP-03\", \"title\": \"台灯\", \"price\": {\"amount\": 99}, \"changed\": \"2026-11-30T10:00:00Z\"}]}")));
        erp.stubFor(get(urlPathEqualTo("/api/v1/goods")).withQueryParam("page", equalTo("3")).willReturn(okJson("{\"data\": []}")));
        ConnectorConfig config = config("t", "auth", "bearer", "pull.product", "/goods", "items", "/data", "map.sku", "/code", "map.name", "title",
                "map.listPrice", "/price/amount", "map.currency", "price.currency", "map.updatedAt", "/changed");

        ErpAdapter.Pull first = type.pull(config, null);
        assertEquals(List.of("CHAIR-01", "DESK-02", "LAMP-03"), first.messages().stream().map(Canonical::key).toList());
        Canonical chair = first.messages().get(0);
        assertEquals(Canonical.PRODUCT, chair.kind());
        assertEquals("人体工学椅", chair.text("name"));
        assertEquals("1200.5", chair.text("listPrice"));
        assertEquals("CNY", chair.text("currency"));
        assertEquals("2999", first.messages().get(1).text("listPrice"));
        // 01:30Z is later than 08:00+08:00 (00:00Z): compared as instants, not as text
        assertEquals("2026-12-01T01:30:00Z", PullCursor.parse(first.cursor()).get(Canonical.PRODUCT));
        erp.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/goods")).withQueryParam("since", absent()));

        erp.resetRequests();
        type.pull(config, first.cursor());
        erp.verify(getRequestedFor(urlPathEqualTo("/api/v1/goods")).withQueryParam("since", equalTo("2026-12-01T01:30:00Z"))
                .withQueryParam("page", equalTo("1")));
    }

    @Test
    public void stockFollowsTheNextLinkAndKeepsTheErpsCursor() throws Exception {
        erp.stubFor(get(urlPathEqualTo("/api/v1/stock")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson("{\"items\": [{\"sku\": \"CHAIR-01\", \"warehouse\": \"SH01\", \"quantity\": 7}], \"next\": \"/api/v1/stock?after=abc\","
                        + " \"cursor\": \"c-1\"}")));
        erp.stubFor(get(urlPathEqualTo("/api/v1/stock")).withQueryParam("after", equalTo("abc"))
                .willReturn(okJson("{\"items\": [{\"sku\": \"CHAIR-01\", \"warehouse\": \"BJ01\", \"quantity\": 2.5}], \"cursor\": \"c-2\"}")));
        ErpAdapter.Pull pulled = type.pull(config("t", "pull.stock", "/stock", "cursor", "/cursor"), PullCursor.parse(null).toString());
        assertEquals(List.of("CHAIR-01@SH01", "CHAIR-01@BJ01"), pulled.messages().stream().map(Canonical::key).toList());
        assertEquals("2.5", pulled.messages().get(1).text("quantity"));
        assertEquals("c-2", PullCursor.parse(pulled.cursor()).get(Canonical.STOCK));
        erp.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/stock")).withQueryParam("after", equalTo("abc")));
        // the last linked page links no further: no page=2 or page=3 is asked for
        erp.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/stock")));
    }

    @Test
    public void theReconciliationListsPricesFromTheirPath() throws Exception {
        erp.stubFor(get(urlPathEqualTo("/api/v1/prices")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson("{\"items\": [{\"sku\": \"CHAIR-01\", \"listPrice\": \"1200\", \"currency\": \"CNY\"}]}")));
        erp.stubFor(get(urlPathEqualTo("/api/v1/prices")).withQueryParam("page", equalTo("2")).willReturn(okJson("{\"items\": []}")));
        ConnectorConfig config = config("t", "pull.price", "/prices");
        assertEquals("1200", type.snapshot(config, Canonical.PRICE).orElseThrow().get(0).text("listPrice"));
        assertTrue(type.snapshot(config, Canonical.PRODUCT).isEmpty());
    }

    @Test
    public void theConnectionTestReportsARefusedCredentialAsAuthentication() {
        erp.stubFor(get(urlPathEqualTo("/api/v1/goods")).withHeader("Authorization", equalTo("Bearer good")).willReturn(okJson("{\"items\": []}")));
        erp.stubFor(get(urlPathEqualTo("/api/v1/goods")).withHeader("Authorization", equalTo("Bearer bad")).willReturn(aResponse().withStatus(401)));
        var passed = type.test(config("good", "auth", "bearer", "pull.product", "/goods"));
        assertEquals(List.of("dns", "connection", "authentication", "protocol"), passed.stream().map(c -> c.step()).toList());
        assertTrue(passed.toString(), passed.stream().allMatch(c -> c.ok()));
        var refused = type.test(config("bad", "auth", "bearer", "pull.product", "/goods"));
        assertEquals("authentication", refused.get(refused.size() - 1).step());
        assertFalse(refused.get(refused.size() - 1).ok());
    }
}
